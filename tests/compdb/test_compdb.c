/* test_compdb.c - unit tests of the compile-database allow-list (what reaches libclang, what a note names) and of
 * the "command" splitter (nothing expanded or run) */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "scan/compdb.h"
#include "test.h"

/* The strings of v joined with '|' (static buffer). */
static const char *joined(const cvet_strv *v)
{
	static char buf[8192];
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < v->n && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "|" : "", v->v[i]);
	return buf;
}

/* Filter `cmd` (split like a "command" string) with `dir` as directory and trusted root; kept and dropped
 * flags as '|'-joined text in the caller's buffers. 0 or a CVET_E* code. */
static int filter(const char *cmd, const char *dir, char *kept, char *dropped, size_t cap)
{
	cvet_strv argv = {0}, out = {0};
	cvet_compdb_dropped d = {{0}, 0};
	const char *trusted[1] = {dir ? dir : "/nonexistent-cvet-root"};
	int error;
	if ((error = cvet_compdb__split_command(cmd, &argv)) == 0)
		error = cvet_compdb__filter_args((const char *const *)argv.v, argv.n, dir ? dir : "/", trusted, 1, &out,
						 &d);
	snprintf(kept, cap, "%s", joined(&out));
	snprintf(dropped, cap, "%s%s", joined(&d.flags), d.more ? "|more" : "");
	cvet_strv__clear(&argv);
	cvet_strv__clear(&out);
	cvet_compdb__dropped_clear(&d);
	return error;
}

static void test_split__quotes_and_escapes_nothing_runs(void)
{
	cvet_strv v = {0};
	T_ASSERT_INT(0, cvet_compdb__split_command("  cc -DX=\"a b\" 'q \"r' $(touch /tmp/x) `id` ; | a\\ b "
						   "\"x\\\"y\" '' -c\tsrc/a.c @rsp", &v));
	T_ASSERT_STR("cc|-DX=a b|q \"r|$(touch|/tmp/x)|`id`|;|||a b|x\"y||-c|src/a.c|@rsp", joined(&v));
	cvet_strv__clear(&v);
	/* unterminated quotes end at the end of the string; a trailing backslash stays */
	T_ASSERT_INT(0, cvet_compdb__split_command("cc \"-DA=1 'b \\", &v));
	T_ASSERT_STR("cc|-DA=1 'b \\", joined(&v));
	cvet_strv__clear(&v);
	T_ASSERT_INT(0, cvet_compdb__split_command("   ", &v));
	T_ASSERT_INT(0, v.n);
	cvet_strv__clear(&v);
}

static void test_filter__keeps_what_parsing_needs(void)
{
	char kept[6 * PATH_MAX], dropped[8192];
	T_ASSERT_INT(0, filter("gcc -DFOO -D BAR=1 -UBAZ -Iinc -I inc2 -isystem /usr/x -isystem/usr/y -iquote q "
			       "-idirafter d --sysroot=/s --sysroot /s2 -isysroot /s3 -std=gnu11 --std=c++17 "
			       "--target=x86_64-linux-gnu -target aarch64-linux-gnu -xc -x c++ -m64 -m32 -O2 -Os -Wall "
			       "-Wno-unused -Wformat=2 -W -w -pedantic -ansi -fno-exceptions -fms-extensions "
			       "-fno-builtin-memcpy -fno-builtin -fsigned-char -funsigned-char -fshort-wchar -fopenmp "
			       "-fopenmp=libomp -fgnu89-inline -fno-rtti -fcxx-exceptions -fchar8_t -fblocks -fPIC -fpie "
			       "-pthread -nostdinc -nostdinc++ -nostdlibinc -ffreestanding --define-macro=Q "
			       "--include-directory=/i -c src/a.c -o a.o",
			       NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-D|FOO|-D|BAR=1|-U|BAZ|-I|inc|-I|inc2|-isystem|/usr/x|-isystem|/usr/y|-iquote|q|-idirafter|d|"
		     "--sysroot|/s|--sysroot|/s2|-isysroot|/s3|-std=gnu11|-std=c++17|-target|x86_64-linux-gnu|-target|"
		     "aarch64-linux-gnu|-x|c|-x|c++|-m64|-m32|-O2|-Os|-Wall|-Wno-unused|-Wformat=2|-W|-w|-pedantic|"
		     "-ansi|-fno-exceptions|-fms-extensions|-fno-builtin-memcpy|-fno-builtin|-fsigned-char|"
		     "-funsigned-char|-fshort-wchar|-fopenmp|-fopenmp=libomp|-fgnu89-inline|-fno-rtti|"
		     "-fcxx-exceptions|-fchar8_t|-fblocks|-fPIC|-fpie|-pthread|-nostdinc|-nostdinc++|-nostdlibinc|"
		     "-ffreestanding|-D|Q|-I|/i",
		     kept);
	T_ASSERT_STR("", dropped);
}

static void test_filter__build_mechanics_dropped_silently(void)
{
	char kept[6 * PATH_MAX], dropped[8192];
	T_ASSERT_INT(0, filter("/usr/bin/cc -c src/a.c -o obj/a.o -oobj/b.o -MD -MMD -MP -MF a.d -MT a.o -MQ a.o -g -g3 "
			       "-ggdb -Werror -Werror=format -Wno-error=unused -Wfatal-errors -pipe -fPIC -march=native "
			       "-mtune=generic -msse4.1 -mavx2 -mno-red-zone -ftls-model=initial-exec -fstack-protector-strong "
			       "-fvisibility=hidden -ffunction-sections "
			       "-fdata-sections -fno-omit-frame-pointer -fno-strict-aliasing -fdiagnostics-color=always "
			       "-flto=thin -fsanitize=address -Wl,--as-needed -Wp,-MD,.a.o.d -fdebug-prefix-map=/a=/b "
			       "-lm -L/usr/lib -O3 -DNDEBUG",
			       NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-fPIC|-O3|-D|NDEBUG", kept);
	T_ASSERT_STR("", dropped);
}

static void test_filter__writers_printers_and_response_files_dropped_with_a_note(void)
{
	char kept[6 * PATH_MAX], dropped[8192];
	T_ASSERT_INT(0, filter("cc -c src/a.c --output=/tmp/victim --output /tmp/v2 --dependencies --write-dependencies "
			       "--user-dependencies --write-user-dependencies -M -MM @rsp @/etc/passwd -fmodules "
			       "-fmodules-cache-path=/tmp/mc -fimplicit-modules -Xclang -load -Xclang evil.so --help "
			       "--version -print-search-dirs -print-file-name=libc.so --print-prog-name=ld -dumpmachine "
			       "-dumpversion -v -### -E -S -save-temps -ftime-trace -fcrash-diagnostics-dir=/tmp "
			       "-fplugin=x.so -include-pch p.pch --config=/tmp/c.cfg -mllvm -debug -DOK",
			       NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-D|OK", kept);
	T_ASSERT_STR("--output=/tmp/victim|--output|--dependencies|--write-dependencies|--user-dependencies|"
		     "--write-user-dependencies|-M|-MM|@rsp|@/etc/passwd|-fmodules|-fmodules-cache-path=/tmp/mc|"
		     "-fimplicit-modules|-Xclang|--help|--version|-print-search-dirs|-print-file-name=libc.so|"
		     "--print-prog-name=ld|-dumpmachine|-dumpversion|-v|-###|-E|-S|-save-temps|-ftime-trace|"
		     "-fcrash-diagnostics-dir=/tmp|-fplugin=x.so|-include-pch|--config=/tmp/c.cfg|-mllvm",
		     dropped);
}

static void test_filter__values_are_checked_and_never_read_as_flags(void)
{
	char kept[6 * PATH_MAX], dropped[8192];
	/* a separate value is taken with its option, even when it looks like a flag; a bad value drops both */
	T_ASSERT_INT(0, filter("cc -I --output=/tmp/v -D -fmodules -x assembler -std=c11;rm -target x86_64;id "
			       "-D1BAD -isystem-after /x -xc++ -I",
			       NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-x|c++", kept);
	T_ASSERT_STR("-I --output=/tmp/v|-D -fmodules|-x assembler|-std=c11;rm|-target x86_64;id|-D1BAD|"
		     "-isystem-after|-I",
		     dropped);
	/* everything after "--" is an input */
	T_ASSERT_INT(0, filter("cc -DA -- -DB --output=x", NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-D|A", kept);
	T_ASSERT_STR("", dropped);
}

static void test_filter__control_bytes_dropped_and_escaped(void)
{
	char kept[6 * PATH_MAX], dropped[8192];
	T_ASSERT_INT(0, filter("cc '-DA=\x1b[31mred' '--evil=\x07\x9b' -DB", NULL, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-D|B", kept);
	T_ASSERT_STR("-DA=\\x1b[31mred|--evil=\\x07\\x9b", dropped);
}

/* Create an empty file base/name. */
static int touch(const char *base, const char *name)
{
	char path[PATH_MAX + 64];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", base, name);
	if (!(f = fopen(path, "w")))
		return -1;
	fclose(f);
	return 0;
}

static void test_filter__include_only_trusted_regular_files(void)
{
	char base[PATH_MAX], *real = NULL, tree[PATH_MAX + 8], path[PATH_MAX + 64], cmd[6 * PATH_MAX], kept[8192],
		dropped[8192], want[6 * PATH_MAX];
	const char *t = getenv("TMPDIR");
	snprintf(base, sizeof(base), "%s/cvet-test-compdb-XXXXXX", t && *t ? t : "/tmp");
	T_ASSERT(mkdtemp(base) != NULL);
	T_ASSERT((real = realpath(base, NULL)) != NULL);
	/* base/tree is the trusted root; base/outside is not */
	snprintf(tree, sizeof(tree), "%s/tree", real);
	snprintf(path, sizeof(path), "%s/outside", real);
	T_ASSERT(mkdir(tree, 0700) == 0 && mkdir(path, 0700) == 0);
	T_ASSERT(touch(real, "outside/o.h") == 0);
	snprintf(path, sizeof(path), "%s/inc", tree);
	T_ASSERT(mkdir(path, 0700) == 0);
	T_ASSERT(touch(tree, "inc/cfg.h") == 0);
	snprintf(path, sizeof(path), "%s/fifo.h", tree);
	T_ASSERT(mkfifo(path, 0600) == 0);
	snprintf(path, sizeof(path), "%s/link.h", tree);
	T_ASSERT(symlink("../outside/o.h", path) == 0);

	/* found through -I, and relative to the directory; passed by real path */
	snprintf(cmd, sizeof(cmd), "cc -Iinc -include cfg.h -imacros inc/cfg.h -includeinc/cfg.h -include %s/inc/cfg.h",
		 tree);
	T_ASSERT_INT(0, filter(cmd, tree, kept, dropped, sizeof(kept)));
	snprintf(want, sizeof(want), "-I|inc|-include|%s/inc/cfg.h|-imacros|%s/inc/cfg.h|-include|%s/inc/cfg.h|-include|%s/inc/cfg.h",
		 tree, tree, tree, tree);
	T_ASSERT_STR(want, kept);
	T_ASSERT_STR("", dropped);
	/* outside the tree (also through a symlink or -I), a FIFO, a missing file: dropped with a note */
	T_ASSERT_INT(0, filter("cc -I../outside -include ../outside/o.h -include link.h -include o.h -include fifo.h "
			       "-include nothere.h",
			       tree, kept, dropped, sizeof(kept)));
	T_ASSERT_STR("-I|../outside", kept);
	T_ASSERT_STR("-include ../outside/o.h|-include link.h|-include o.h|-include fifo.h|-include nothere.h", dropped);

	static const char *const made[] = {"tree/link.h", "tree/fifo.h", "tree/inc/cfg.h", "outside/o.h"};
	for (size_t i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", real, made[i]);
		unlink(path);
	}
	static const char *const dirs[] = {"tree/inc", "tree", "outside", ""};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", real, dirs[i]);
		rmdir(path);
	}
	free(real);
}

static void test_note__one_line_few_names_once_per_database(void)
{
	cvet_report *r = NULL;
	cvet_compdb_dropped d = {{0}, 0};
	T_ASSERT_INT(0, cvet_report_new(&r));
	T_ASSERT_INT(0, cvet_compdb__note(&d, "compile_commands.json", r));
	T_ASSERT_INT(0, r->nnotes);
	cvet_strv__push(&d.flags, "--output=/tmp/v");
	T_ASSERT_INT(0, cvet_compdb__note(&d, "compile_commands.json", r));
	T_ASSERT_STR("compile_commands.json: dropped 1 compile flag that is not needed to parse (--output=/tmp/v)",
		     r->notes[0]);
	for (int i = 0; i < 5; i++) {
		char s[16];
		snprintf(s, sizeof(s), "-f%d", i);
		cvet_strv__push(&d.flags, s);
	}
	T_ASSERT_INT(0, cvet_compdb__note(&d, "build/\x1b]0;x\x07" "compile_commands.json", r));
	T_ASSERT_STR("build/\\x1b]0;x\\x07compile_commands.json: dropped 6 compile flags that are not needed to parse "
		     "(--output=/tmp/v, -f0, -f1, -f2, ...)",
		     r->notes[1]);
	/* the same database loaded again for another PATH: no second note */
	T_ASSERT_INT(0, cvet_compdb__note(&d, "compile_commands.json", r));
	T_ASSERT_INT(2, r->nnotes);
	cvet_compdb__dropped_clear(&d);
	cvet_report_free(r);
}

static void test_note__distinct_flags_are_bounded(void)
{
	char cmd[64 * 600], *p = cmd, kept[8192], dropped[8192];
	p += snprintf(p, sizeof(cmd), "cc");
	for (int i = 0; i < 600; i++)
		p += snprintf(p, sizeof(cmd) - (size_t)(p - cmd), " --junk%d", i);
	T_ASSERT_INT(0, filter(cmd, NULL, kept, dropped, sizeof(kept)));
	T_ASSERT(strstr(dropped, "--junk255|more") != NULL);
	T_ASSERT(strstr(dropped, "--junk256") == NULL);
}

CVET_TEST_MAIN(T(test_split__quotes_and_escapes_nothing_runs), T(test_filter__keeps_what_parsing_needs),
	       T(test_filter__build_mechanics_dropped_silently),
	       T(test_filter__writers_printers_and_response_files_dropped_with_a_note),
	       T(test_filter__values_are_checked_and_never_read_as_flags),
	       T(test_filter__control_bytes_dropped_and_escaped), T(test_filter__include_only_trusted_regular_files),
	       T(test_note__one_line_few_names_once_per_database), T(test_note__distinct_flags_are_bounded))
