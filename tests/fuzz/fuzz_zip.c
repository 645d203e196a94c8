/* fuzz_zip.c - the zip reader (end of central directory, ZIP64, central directory, local headers, stored and
 * DEFLATE entries, CRC, bomb limits): the reader opens a path, so the input is written to a scratch file, then
 * cvet_zip__open reads the directory and cvet_zip__read extracts every entry */
#include "fuzz.h"
#include "advdb/advdb_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[4200];
	if (!path[0])
		fuzz_path(path, sizeof(path), "input.zip");
	fuzz_write("input.zip", data, size);
	cvet_zip *z = NULL;
	if (cvet_zip__open(&z, path) == 0) {
		size_t n = cvet_zip__count(z);
		for (size_t i = 0; i < n && i < 64; i++) {
			char *buf = NULL;
			size_t len = 0;
			FUZZ_CHECK(cvet_zip__name(z, i) != NULL);
			int rc = cvet_zip__read(z, i, &buf, &len);
			if (rc == 0) {
				FUZZ_CHECK(buf[len] == '\0');
				free(buf);
			} else if (rc == CVET_ELIMIT) {
				break; /* a bomb: the importer rejects the archive here */
			}
		}
		cvet_zip__free(z);
	}
	cvet_error_clear();
	return 0;
}
