/* fuzz_osv.c - the OSV importer's parsers, in memory: one OSV record (cvet_osv__parse, mapped through a fixed
 * name map), or, when the text looks like one, a name map (cvet_osv__namemap_parse) */
#include "fuzz.h"
#include "advdb/advdb_int.h"

static const char NAMEMAP[] = "{\"projects\": {\"curl\": {\"repo\": \"https://github.com/curl/curl\", \"conan\": "
			      "{\"name\": \"libcurl\", \"exists\": true}}, \"zlib\": {\"vcpkg\": {\"name\": \"zlib\"}}}}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cvet_namemap map;
	static int loaded;
	if (!loaded) {
		(void)cvet_osv__namemap_parse(&map, NAMEMAP, sizeof(NAMEMAP) - 1, "name-map.json");
		loaded = 1;
	}
	char *text = fuzz_text(data, size);
	if (cvet_osv__is_namemap(text, size)) {
		cvet_namemap m = {0};
		(void)cvet_osv__namemap_parse(&m, text, size, "name-map.json");
		cvet_osv__namemap_clear(&m);
	} else {
		cvet_osv_record rec;
		memset(&rec, 0, sizeof(rec));
		if (cvet_osv__parse(text, size, "record.json", &map, &rec) == 0) {
			FUZZ_CHECK(rec.id != NULL);
			FUZZ_CHECK(rec.score == -1 || (rec.score >= 0 && rec.score <= 10));
		}
		cvet_osv__record_clear(&rec);
	}
	free(text);
	cvet_error_clear();
	return 0;
}
