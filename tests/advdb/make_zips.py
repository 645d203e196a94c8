#!/usr/bin/env python3
"""make_zips.py - write the deflate and zip test inputs for test_advdb into the folder given as argv[1]."""
import io, json, os, random, struct, sys, zipfile, zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()

rng = random.Random(1951)
text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(20000))
cases = {
    "empty": (b"", 6, zlib.Z_DEFAULT_STRATEGY),
    "hello": (b"hello, hello, hello world", 6, zlib.Z_FIXED),
    "text": (text, 9, zlib.Z_DEFAULT_STRATEGY),
    "random": (bytes(rng.getrandbits(8) for _ in range(100000)), 6, zlib.Z_DEFAULT_STRATEGY),
    "stored": (bytes(rng.getrandbits(8) for _ in range(70000)), 0, zlib.Z_DEFAULT_STRATEGY),
    "runs": (b"a" * 300000 + b"b" * 1000, 9, zlib.Z_RLE),
    "fixed": (text[:50000], 6, zlib.Z_FIXED),
    # literals 144-255 have 9-bit fixed codes (non-ASCII text, git tree hashes): regression for codes shifted by 4
    "fixed_high": (bytes(range(256)) * 64 + "naïve café, 東京".encode() * 100, 6, zlib.Z_FIXED),
}
for name, (data, level, strategy) in cases.items():
    with open(os.path.join(out, "infl_%s.bin" % name), "wb") as f:
        f.write(data)
    with open(os.path.join(out, "infl_%s.raw" % name), "wb") as f:
        f.write(raw_deflate(data, level, strategy))

def record(i, pkg="zlib"):
    return json.dumps({
        "id": "TEST-ZIP-%d" % i, "modified": "2026-01-0%dT00:00:00Z" % (i + 1),
        "aliases": ["CVE-2099-%04d" % i],
        "affected": [{"package": {"ecosystem": "Bitnami", "name": pkg},
                      "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "9.%d" % i}]}]}],
    }).encode()

# a good archive: deflated and stored records, a folder entry, one malformed record
with zipfile.ZipFile(os.path.join(out, "good.zip"), "w") as z:
    z.writestr("records/", b"")
    z.writestr(zipfile.ZipInfo("records/TEST-ZIP-0.json"), record(0), compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("records/TEST-ZIP-1.json"), record(1), compress_type=zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("records/broken.json"), b'{"id": "TEST-BROKEN", "affected": [', compress_type=zipfile.ZIP_DEFLATED)
    z.writestr(zipfile.ZipInfo("README.txt"), b"not a record", compress_type=zipfile.ZIP_DEFLATED)

# a ratio bomb: 40 MiB of zeros in one entry
with zipfile.ZipFile(os.path.join(out, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("bomb.json", b"\0" * (40 << 20))

# an entry that lies about its size: declares 100 bytes, inflates to 1 MiB
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("liar.json", b" " * (1 << 20))
data = bytearray(buf.getvalue())
def patch_sizes(data, sig, off_usize):
    i = 0
    while True:
        i = data.find(sig, i)
        if i < 0:
            return
        struct.pack_into("<I", data, i + off_usize, 100)
        i += 4
patch_sizes(data, b"PK\x03\x04", 22)
patch_sizes(data, b"PK\x01\x02", 24)
with open(os.path.join(out, "liar.zip"), "wb") as f:
    f.write(data)

# overlapping entries: many central directory entries pointing at the same local data
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("a.json", record(0))
data = buf.getvalue()
eocd = data.rfind(b"PK\x05\x06")
cd_off = struct.unpack_from("<I", data, eocd + 16)[0]
cd_entry = data[cd_off:eocd]
n = 50
new_cd = cd_entry * n
new_eocd = bytearray(data[eocd:])
struct.pack_into("<HHII", new_eocd, 8, n, n, len(new_cd), cd_off)
with open(os.path.join(out, "overlap.zip"), "wb") as f:
    f.write(data[:cd_off] + new_cd + bytes(new_eocd))

# not a zip at all
with open(os.path.join(out, "junk.zip"), "wb") as f:
    f.write(bytes(rng.getrandbits(8) for _ in range(5000)))
