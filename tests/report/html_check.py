"""html_check.py - what the HTML report tests share: run cvet, parse a page with the standard library's HTML
parser, and check that it is self-contained, that its Content-Security-Policy hashes match and that nothing
from the report became markup (no event handlers, no extra elements, no loads)."""
import base64
import hashlib
import html.parser
import json
import os
import re
import subprocess

# Elements the writer emits; anything else in a page came from the data.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "a", "h1", "h2", "h3", "p", "section",
    "ul", "ol", "li", "b", "i", "span", "code", "pre", "mark", "article", "div", "details", "summary", "table",
    "thead", "tbody", "tr", "th", "td", "form", "fieldset", "legend", "label", "input", "select", "option", "button",
    "noscript", "footer", "script",
}


class Page(html.parser.HTMLParser):
    """Elements (tag, attrs) in order, the text of <style> and <script>, and the classes of every element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.styles, self.scripts = [], []
        self._raw = None
        self._buf = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), attrs))
        if tag in ("style", "script"):
            self._raw = tag
            self._buf = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self._raw:
            self._buf.append(data)

    def handle_endtag(self, tag):
        if self._raw == tag:
            (self.styles if tag == "style" else self.scripts).append("".join(self._buf))
            self._raw = None

    def with_class(self, cls):
        return [(t, a) for t, a, _ in self.elements if cls in (a.get("class") or "").split()]


def parse(text):
    p = Page()
    p.feed(text)
    p.close()
    return p


def sha256_source(text):
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def problems(text):
    """A list of what is wrong with the page (empty when it is fine)."""
    out = []
    p = parse(text)
    csp = [a.get("content", "") for t, a, _ in p.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    if len(csp) != 1:
        out.append("expected one Content-Security-Policy meta, found %d" % len(csp))
        csp = [""]
    if len(p.styles) != 1 or len(p.scripts) != 1:
        out.append("expected one <style> and one <script>, found %d and %d" % (len(p.styles), len(p.scripts)))
    else:
        for kind, src in (("style", p.styles[0]), ("script", p.scripts[0])):
            want = "%s-src '%s'" % (kind, sha256_source(src))
            if want not in csp[0]:
                out.append("the CSP does not allow the page's own %s: put %s in write_html.c" % (kind, want))
    for tag, attrs, raw in p.elements:
        if tag not in ALLOWED_TAGS:
            out.append("unexpected element <%s> (markup from the data?)" % tag)
        names = [k for k, _ in raw]
        if len(names) != len(set(names)):
            out.append("duplicate attribute in <%s %s>" % (tag, names))
        for k, v in raw:
            if k.startswith("on") or k in ("src", "srcdoc", "style", "formaction", "action", "background"):
                out.append("attribute %s on <%s> (markup from the data?)" % (k, tag))
            if k == "href" and not (v or "").startswith("#"):
                out.append("link out of the page: %r" % v)
        if tag == "script" and attrs.get("type") not in (None, "application/json"):
            out.append("script of type %r" % attrs.get("type"))
    if re.search(r"<(?:link|img|iframe|object|embed|base)\b", text, re.I):
        out.append("the page text contains an element that loads something")
    for c in text:
        o = ord(c)
        if (o < 0x20 and c not in "\t\n") or o == 0x7F or 0x80 <= o <= 0x9F or o in (0x2028, 0x2029):
            out.append("raw control character U+%04X in the page" % o)
            break
    return out


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def scan(cvet, tree, fmt, out_path, extra=()):
    """cvet scan of `tree` (run inside it) into out_path; returns the CompletedProcess."""
    return run([cvet, "scan", "--no-config", "--format", fmt, "-o", out_path, *extra, "."], cwd=tree)


def json_count(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["summary"]["findings"]


def write_hostile_tree(root):
    """A tree whose path, source lines and comments carry HTML/script injections and control bytes."""
    evil_dir = os.path.join(root, "x<", "script><script>alert(1)<")
    os.makedirs(evil_dir)
    src = (
        "#include <stdio.h>\n"
        "/* \"><img src=x onerror=alert(1)> '><svg onload=alert(2)> <!-- \x1b[31m \x01\x7f \u2028 \u0085 */\n"
        "void f(char *buf) {\n"
        "  gets(buf); /* </script><script>alert(1)</script> \u202e */\n"
        "}\n"
    )
    path = os.path.join(evil_dir, "script>.c")
    with open(path, "w", encoding="utf-8") as f:
        f.write(src)
    return "x</script><script>alert(1)</script>.c"


if __name__ == "__main__":
    import sys
    with open(sys.argv[1], encoding="utf-8") as f:
        found = problems(f.read())
    for p in found:
        print("FAIL " + p)
    print("%s: %s" % (sys.argv[1], "%d problem(s)" % len(found) if found else "no problem found"))
    sys.exit(1 if found else 0)
