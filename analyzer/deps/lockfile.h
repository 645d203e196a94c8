/* lockfile.h - internal interface between the dependency scan (deps.c) and the per-format manifest parsers */
#ifndef CVET_LOCKFILE_H
#define CVET_LOCKFILE_H

#include <dirent.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "cvet/common.h"

/* Limits that keep hostile input bounded. */
#define CVET_LF_MAX_FILE ((size_t)32 << 20)  /* bytes read from any one manifest */
#define CVET_LF_MAX_ENTRIES 100000           /* packages from one file */
#define CVET_LF_MAX_JSON_DEPTH 128           /* nesting accepted before cJSON sees the text */
#define CVET_LF_MAX_JSON_TOKENS 1000000      /* tokens accepted before cJSON sees the text */
#define CVET_LF_MAX_NOTES 200                /* notes from one file */
#define CVET_LF_MAX_STR 4096                 /* longest name/version/url kept from a manifest */

/*
 * One package as a parser saw it. All strings are owned by the entry (malloc'd) except `ecosystem`,
 * which points at a static string literal.
 */
typedef struct cvet_lf_pkg {
	const char *ecosystem; /* "conan", "vcpkg", "cpm", "meson", "bazel", "git-submodule", "cyclonedx", "spdx" */
	char *name;            /* as written in the manifest */
	char *version;         /* as written (vcpkg keeps "#port-version"); NULL = unknown or from `tag` */
	char *tag;             /* git tag the version should be derived from (deps.c), or NULL */
	char *commit;          /* hex git commit, or NULL */
	char *repo;            /* "owner/repo" on GitHub, or another git URL, or NULL */
	char *purl;            /* package URL when the manifest states one or the parser knows the type */
	char *detail;          /* where the version came from / qualifiers ("user/channel conan/stable"), or NULL */
	char *path;            /* file the entry is located in when it is not the parsed file, or NULL */
	unsigned line;         /* 1-based line in that file; 0 = unknown */
	int build_only;        /* build/tool/dev-only requirement */
} cvet_lf_pkg;

/* What one parser run produced: packages plus one-line notes for the report. */
typedef struct cvet_lf_list {
	cvet_lf_pkg *items;
	size_t n, cap;
	char **notes;
	size_t nnotes, cap_notes;
	size_t extra_files; /* files read besides the manifest itself (vcpkg status, git index, ...) */
} cvet_lf_list;

void cvet_lockfile__list_clear(cvet_lf_list *l);
void cvet_lockfile__pkg_clear(cvet_lf_pkg *p);

/*
 * Append a package (name and version are copied; version may be NULL). Returns 0 and, when `out` is
 * not NULL, a pointer to the new entry (valid until the next append); CVET_ENOMEM or CVET_ELIMIT
 * (more than CVET_LF_MAX_ENTRIES) with the error message set.
 */
int cvet_lockfile__add(cvet_lf_list *l, const char *ecosystem, const char *name, const char *version,
		       unsigned line, cvet_lf_pkg **out);
/* Append a one-line note (printf-style); silently dropped past CVET_LF_MAX_NOTES. Returns 0 or CVET_ENOMEM. */
int cvet_lockfile__note(cvet_lf_list *l, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * Read a regular file (no devices, FIFOs or directories) of at most `cap` bytes into a NUL-terminated
 * malloc'd buffer the caller frees. Returns 0, CVET_EIO (cannot open/read, not a regular file) or
 * CVET_ELIMIT (larger than cap), with a one-line message naming `display`.
 */
int cvet_lockfile__read_file(const char *path, const char *display, size_t cap, char **buf, size_t *len);

/*
 * Confinement: nothing the dependency scan reads from a scanned tree may resolve outside the scanned
 * roots (a symbolic link to /etc, a .git/index or packed-refs linked out of the tree, a submodule path
 * through a linked directory). `root` is a real path (realpath()); NULL or "" = no confinement.
 *
 * cvet_lockfile__read_file_in: cvet_lockfile__read_file() that first resolves `path` and refuses, with
 * CVET_EIO and "'<display>' leads outside the scanned tree (a symbolic link; not followed)", a file
 * whose real path is not `root` or below it; the open uses the resolved path with O_NOFOLLOW and is
 * checked again through /proc/self/fd, so a link swapped in meanwhile is refused as well.
 * cvet_lockfile__outside: 1 when `path` exists and resolves outside `root` (for a note), else 0.
 * cvet_lockfile__opendir_in: opendir() of a directory that resolves inside `root`; NULL with errno
 * EXDEV when it lies outside, or the usual errno.
 */
int cvet_lockfile__read_file_in(const char *root, const char *path, const char *display, size_t cap, char **buf,
				size_t *len);
int cvet_lockfile__outside(const char *root, const char *path);
DIR *cvet_lockfile__opendir_in(const char *root, const char *path);

/* ---- small string helpers (all return malloc'd strings or NULL on OOM) ---- */
char *cvet_lockfile__strndup(const char *s, size_t n);
char *cvet_lockfile__strdup(const char *s);     /* NULL in, NULL out */
char *cvet_lockfile__printf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
int cvet_lockfile__is_hex(const char *s, size_t min, size_t max); /* 1 when only [0-9a-fA-F], length in range */
int cvet_lockfile__is_commit(const char *s);                      /* 40 or 64 hex chars */
/* "owner/repo" when url is a github.com URL (https, ssh, git@), else NULL. malloc'd. */
char *cvet_lockfile__github_repo(const char *url);
/* Last path component of a URL or path without a trailing ".git" and slashes; malloc'd. */
char *cvet_lockfile__url_basename(const char *url);
/* Line number (1-based) of byte offset `off` in buf. */
unsigned cvet_lockfile__line_at(const char *buf, size_t off);

/* Next line of a text manifest from *pos (advanced past it): *s and *ll receive the line with
 * blanks and a trailing CR trimmed. Returns 0 at the end of the buffer, else 1. */
int cvet_lockfile__next_line(const char *buf, size_t len, size_t *pos, const char **s, size_t *ll);

/* Split a trimmed "key = value" line: *kl is the key's length (blanks before '=' dropped), *val and *vl
 * the value with leading blanks dropped. Returns 0 when the line has no '='. */
int cvet_lockfile__split_kv(const char *s, size_t ll, size_t *kl, const char **val, size_t *vl);

/* ---- JSON through cJSON, with the line of every string, object and array token ---- */
typedef struct cvet_lf_json_line {
	const cJSON *node;
	unsigned line;
} cvet_lf_json_line;

typedef struct cvet_lf_json {
	cJSON *root;              /* owned */
	cvet_lf_json_line *lines; /* owned, sorted by node address */
	size_t nlines;
} cvet_lf_json;

/*
 * Parse JSON text after checking depth and token limits. Returns 0, CVET_EPARSE ("<display>: line N:
 * invalid JSON") or CVET_ELIMIT. On success the caller frees with cvet_lockfile__json_free().
 */
int cvet_lockfile__json_parse(const char *display, const char *buf, size_t len, cvet_lf_json *out);
void cvet_lockfile__json_free(cvet_lf_json *j);
/* Line of the token that starts `node` (string, object or array), or 0 when unknown. */
unsigned cvet_lockfile__json_line(const cvet_lf_json *j, const cJSON *node);
/* `a` when it is an array (resp. object), else NULL: for cJSON_ArrayForEach over optional members. */
const cJSON *cvet_lockfile__json_array(const cJSON *a);
const cJSON *cvet_lockfile__json_object(const cJSON *o);
/* Lent string value of member `key` of object `obj`, or NULL when absent or not a string. */
const char *cvet_lockfile__json_str(const cJSON *obj, const char *key);

/* ---- Conan references ---- */
/* name/version[@user[/channel]][#rrev][:pkgid[#prev]][%timestamp], split into owned parts. */
typedef struct cvet_lf_conan_ref {
	char *name, *version, *user, *channel, *rrev;
	int is_range; /* version is a "[...]" range: not a pin */
} cvet_lf_conan_ref;
/* Returns 0 or CVET_EPARSE (not a reference; message set) or CVET_ENOMEM. */
int cvet_lockfile__conan_ref_parse(const char *text, cvet_lf_conan_ref *out);
void cvet_lockfile__conan_ref_clear(cvet_lf_conan_ref *r);
/* Append a parsed reference as a "conan" package (purl, user/channel and range detail, `detail` appended).
 * Returns 0 or CVET_ENOMEM / CVET_ELIMIT. */
int cvet_lockfile__conan_add_ref(cvet_lf_list *out, const cvet_lf_conan_ref *r, unsigned line, int build_only,
				 const char *detail);

/* ---- parsers: each returns 0, or a negative CVET_E* with "<display>: ..." as the message ---- */
/* `path` is where the file lives (for files read alongside it), `display` how messages name it. */
int cvet_lockfile__conan_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out);
int cvet_lockfile__conanfile_txt(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/* conanfile.py read without running Python: literal `requires`-style class attributes and self.requires()-style
 * calls in requirements()/build_requirements(); computed references become notes (conanpy.c). */
int cvet_lockfile__conanfile_py(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/*
 * CMakeLists.txt / *.cmake: FetchContent_Declare, ExternalProject_Add, CPMAddPackage, CPMFindPackage, with
 * literal set() variables of the same file expanded (cmake_deps.c). `lock`: packages of a CPM
 * package-lock.cmake that is reported on its own (NULL = none); CPM packages it names (by name or repository) are not repeated.
 */
int cvet_lockfile__cmake_deps(const char *display, const char *buf, size_t len, const cvet_lf_list *lock,
			      cvet_lf_list *out);
/* `confine`: real path that vcpkg_installed/ beside `path` must resolve inside (NULL = path's directory). */
int cvet_lockfile__vcpkg_json(const char *path, const char *confine, const char *display, const char *buf, size_t len,
			      cvet_lf_list *out);
int cvet_lockfile__vcpkg_configuration(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/* CPM package-lock.cmake (cmake_deps.c: the CMake reader above) */
int cvet_lockfile__cpm_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/* `basename` is the wrap file name without directories, used when the file itself names nothing. */
int cvet_lockfile__meson_wrap(const char *display, const char *basename, const char *buf, size_t len,
			      cvet_lf_list *out);
int cvet_lockfile__bazel_module(const char *display, const char *buf, size_t len, cvet_lf_list *out);
int cvet_lockfile__bazel_lock(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/*
 * What the scan read from git directories (indexes, tags), kept so that every .gitmodules and every
 * submodule sharing a repository costs one read; it also bounds the git data read per scan.
 */
typedef struct cvet_lf_gitcache cvet_lf_gitcache;
int cvet_lockfile__gitcache_new(cvet_lf_gitcache **out); /* 0 or CVET_ENOMEM; free with _gitcache_free */
void cvet_lockfile__gitcache_free(cvet_lf_gitcache *c);  /* NULL is fine */
/*
 * .gitmodules plus the gitlink commits from the repository's index. `repo_dir` is the directory that
 * holds the .gitmodules file (where .git is looked for); `limit_dir` is the directory every git file
 * read must resolve inside (the scanned root: a "gitdir:" redirect, a .git, index, packed-refs or
 * submodule directory linked out of it is skipped with a note; NULL = repo_dir). `cache` may be NULL
 * (a cache for this call only).
 */
int cvet_lockfile__gitmodules(const char *repo_dir, const char *limit_dir, cvet_lf_gitcache *cache,
			      const char *display, const char *buf, size_t len, cvet_lf_list *out);
/*
 * The work-tree paths of the submodules a .gitmodules file lists (`path =`, else the section name), as
 * written. Returns 0 with a malloc'd array of malloc'd strings the caller frees (each, then the array),
 * or CVET_EPARSE / CVET_ELIMIT / CVET_ENOMEM with a message.
 */
int cvet_lockfile__gitmodules_paths(const char *display, const char *buf, size_t len, char ***out, size_t *nout);
/* CycloneDX or SPDX JSON; returns CVET_ENOTFOUND (no message) when the JSON is neither. */
int cvet_lockfile__sbom(const char *display, const char *buf, size_t len, cvet_lf_list *out);
/* Name-map ecosystem of a purl type ("pkg:conan/zlib@1.3" -> "conan"); static string or NULL. */
const char *cvet_lockfile__purl_ecosystem(const char *purl);

/* ---- git data (lockfile_gitmodules.c) ---- */
typedef struct cvet_lf_gitlink {
	char *path;      /* path in the work tree */
	char commit[65]; /* hex */
} cvet_lf_gitlink;
/*
 * Gitlink (mode 0160000) entries of a git index file held in buf. hash_len is 20 (SHA-1) or 32 (SHA-256).
 * Returns 0 with a malloc'd array the caller frees with cvet_lockfile__gitlinks_free(), or CVET_EPARSE
 * with a message explaining which bound the data broke.
 */
int cvet_lockfile__git_index_gitlinks(const unsigned char *buf, size_t len, size_t hash_len,
				      cvet_lf_gitlink **out, size_t *nout);
void cvet_lockfile__gitlinks_free(cvet_lf_gitlink *g, size_t n);

#endif
