-- cvet advisory database schema, version 1 (PRAGMA user_version = 1); analyzer/advdb.c creates it verbatim
CREATE TABLE advisories (
  id TEXT PRIMARY KEY,             -- OSV id (CURL-CVE-..., x_OPENSSL-CVE-..., OSV-..., BIT-..., JLSEC-...)
  modified TEXT,
  published TEXT,
  withdrawn TEXT,                  -- set for withdrawn records; they never match
  summary TEXT,
  details TEXT,
  severity_vector TEXT,            -- the CVSS vector the score was computed from
  score REAL,                      -- CVSS base score computed by cvet, NULL when none
  severity_word TEXT,              -- critical|high|medium|low from database_specific, NULL when none
  source TEXT NOT NULL,            -- curl, openssl, oss-fuzz, bitnami, julia, or the ecosystem
  upstream_project TEXT,           -- project of the first affected entry
  approximate INTEGER NOT NULL DEFAULT 0 -- 1 when versions are approximate (Julia JLL builds)
);
CREATE TABLE aliases (
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,             -- CVE/GHSA id (Julia's top-level "upstream" ids included)
  PRIMARY KEY (advisory_id, alias)
);
CREATE TABLE affected (
  id INTEGER PRIMARY KEY,
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  ecosystem TEXT,                  -- OSV package ecosystem, NULL for curl/openssl records
  name TEXT,                       -- OSV package name, NULL for curl/openssl records
  project TEXT NOT NULL            -- upstream project after name mapping
);
CREATE TABLE ranges (
  id INTEGER PRIMARY KEY,
  affected_id INTEGER NOT NULL REFERENCES affected(id) ON DELETE CASCADE,
  type TEXT NOT NULL CHECK (type IN ('SEMVER', 'ECOSYSTEM', 'GIT')),
  repo TEXT,
  introduced TEXT NOT NULL,        -- '0' = from the beginning; a commit for GIT
  fixed TEXT,                      -- first unaffected version/commit, or NULL
  last_affected TEXT,              -- last affected version/commit (inclusive), or NULL
  "limit" TEXT
);
CREATE TABLE versions (
  affected_id INTEGER NOT NULL REFERENCES affected(id) ON DELETE CASCADE,
  version TEXT NOT NULL,           -- normalised (tags turned into versions, +build stripped)
  raw TEXT NOT NULL                -- as written in the record (e.g. the git tag)
);
CREATE TABLE "references" (
  advisory_id TEXT NOT NULL REFERENCES advisories(id) ON DELETE CASCADE,
  type TEXT,
  url TEXT NOT NULL
);
CREATE TABLE namemap (
  ecosystem TEXT NOT NULL COLLATE NOCASE, -- conan, vcpkg, bazel, bcr, meson, wrapdb, OSS-Fuzz, Bitnami, Julia, github, project
  name TEXT NOT NULL,
  project TEXT NOT NULL,
  PRIMARY KEY (ecosystem, name)
);
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT
);
CREATE INDEX affected_project ON affected(project);
CREATE INDEX affected_package ON affected(ecosystem, name);
CREATE INDEX affected_advisory ON affected(advisory_id);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX ranges_affected ON ranges(affected_id);
CREATE INDEX versions_affected ON versions(affected_id);
CREATE INDEX references_advisory ON "references"(advisory_id);
CREATE INDEX namemap_name ON namemap(name COLLATE NOCASE); -- the any-ecosystem fallback lookup
PRAGMA user_version = 1;
