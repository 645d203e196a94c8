
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/analyzer/advdb.c" "CMakeFiles/libcvet.dir/analyzer/advdb.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/advdb.c.o.d"
  "/work/main/analyzer/baseline.c" "CMakeFiles/libcvet.dir/analyzer/baseline.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/baseline.c.o.d"
  "/work/main/analyzer/cli.c" "CMakeFiles/libcvet.dir/analyzer/cli.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/cli.c.o.d"
  "/work/main/analyzer/common.c" "CMakeFiles/libcvet.dir/analyzer/common.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/common.c.o.d"
  "/work/main/analyzer/compdb.c" "CMakeFiles/libcvet.dir/analyzer/compdb.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/compdb.c.o.d"
  "/work/main/analyzer/config.c" "CMakeFiles/libcvet.dir/analyzer/config.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/config.c.o.d"
  "/work/main/analyzer/cvss.c" "CMakeFiles/libcvet.dir/analyzer/cvss.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/cvss.c.o.d"
  "/work/main/analyzer/cx.c" "CMakeFiles/libcvet.dir/analyzer/cx.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/cx.c.o.d"
  "/work/main/analyzer/db_cli.c" "CMakeFiles/libcvet.dir/analyzer/db_cli.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/db_cli.c.o.d"
  "/work/main/analyzer/deps.c" "CMakeFiles/libcvet.dir/analyzer/deps.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/deps.c.o.d"
  "/work/main/analyzer/discover.c" "CMakeFiles/libcvet.dir/analyzer/discover.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/discover.c.o.d"
  "/work/main/analyzer/driver.c" "CMakeFiles/libcvet.dir/analyzer/driver.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/driver.c.o.d"
  "/work/main/analyzer/json_out.c" "CMakeFiles/libcvet.dir/analyzer/json_out.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/json_out.c.o.d"
  "/work/main/analyzer/lockfile_bazel.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_bazel.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_bazel.c.o.d"
  "/work/main/analyzer/lockfile_common.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_common.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_common.c.o.d"
  "/work/main/analyzer/lockfile_conan.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_conan.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_conan.c.o.d"
  "/work/main/analyzer/lockfile_cpm.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_cpm.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_cpm.c.o.d"
  "/work/main/analyzer/lockfile_gitmodules.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_gitmodules.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_gitmodules.c.o.d"
  "/work/main/analyzer/lockfile_meson.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_meson.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_meson.c.o.d"
  "/work/main/analyzer/lockfile_sbom.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_sbom.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_sbom.c.o.d"
  "/work/main/analyzer/lockfile_vcpkg.c" "CMakeFiles/libcvet.dir/analyzer/lockfile_vcpkg.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/lockfile_vcpkg.c.o.d"
  "/work/main/analyzer/osv_import.c" "CMakeFiles/libcvet.dir/analyzer/osv_import.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/osv_import.c.o.d"
  "/work/main/analyzer/registry.c" "CMakeFiles/libcvet.dir/analyzer/registry.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/registry.c.o.d"
  "/work/main/analyzer/report.c" "CMakeFiles/libcvet.dir/analyzer/report.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/report.c.o.d"
  "/work/main/analyzer/suppress.c" "CMakeFiles/libcvet.dir/analyzer/suppress.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/suppress.c.o.d"
  "/work/main/analyzer/util.c" "CMakeFiles/libcvet.dir/analyzer/util.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/util.c.o.d"
  "/work/main/analyzer/version.c" "CMakeFiles/libcvet.dir/analyzer/version.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/version.c.o.d"
  "/work/main/analyzer/walker.c" "CMakeFiles/libcvet.dir/analyzer/walker.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/walker.c.o.d"
  "/work/main/analyzer/write.c" "CMakeFiles/libcvet.dir/analyzer/write.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write.c.o.d"
  "/work/main/analyzer/write_gcc.c" "CMakeFiles/libcvet.dir/analyzer/write_gcc.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write_gcc.c.o.d"
  "/work/main/analyzer/write_json.c" "CMakeFiles/libcvet.dir/analyzer/write_json.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write_json.c.o.d"
  "/work/main/analyzer/write_markdown.c" "CMakeFiles/libcvet.dir/analyzer/write_markdown.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write_markdown.c.o.d"
  "/work/main/analyzer/write_sarif.c" "CMakeFiles/libcvet.dir/analyzer/write_sarif.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write_sarif.c.o.d"
  "/work/main/analyzer/write_text.c" "CMakeFiles/libcvet.dir/analyzer/write_text.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/write_text.c.o.d"
  "/work/main/analyzer/zip.c" "CMakeFiles/libcvet.dir/analyzer/zip.c.o" "gcc" "CMakeFiles/libcvet.dir/analyzer/zip.c.o.d"
  "/work/main/checks/alloc-size-overflow.c" "CMakeFiles/libcvet.dir/checks/alloc-size-overflow.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/alloc-size-overflow.c.o.d"
  "/work/main/checks/alloca-variable.c" "CMakeFiles/libcvet.dir/checks/alloca-variable.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/alloca-variable.c.o.d"
  "/work/main/checks/bind-all-interfaces.c" "CMakeFiles/libcvet.dir/checks/bind-all-interfaces.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/bind-all-interfaces.c.o.d"
  "/work/main/checks/checksa_util.c" "CMakeFiles/libcvet.dir/checks/checksa_util.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/checksa_util.c.o.d"
  "/work/main/checks/checksb_util.c" "CMakeFiles/libcvet.dir/checks/checksb_util.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/checksb_util.c.o.d"
  "/work/main/checks/checksc_util.c" "CMakeFiles/libcvet.dir/checks/checksc_util.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/checksc_util.c.o.d"
  "/work/main/checks/chroot-no-chdir.c" "CMakeFiles/libcvet.dir/checks/chroot-no-chdir.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/chroot-no-chdir.c.o.d"
  "/work/main/checks/cleartext-url.c" "CMakeFiles/libcvet.dir/checks/cleartext-url.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/cleartext-url.c.o.d"
  "/work/main/checks/command-injection.c" "CMakeFiles/libcvet.dir/checks/command-injection.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/command-injection.c.o.d"
  "/work/main/checks/copy-size-overflow.c" "CMakeFiles/libcvet.dir/checks/copy-size-overflow.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/copy-size-overflow.c.o.d"
  "/work/main/checks/format-string.c" "CMakeFiles/libcvet.dir/checks/format-string.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/format-string.c.o.d"
  "/work/main/checks/free-non-heap.c" "CMakeFiles/libcvet.dir/checks/free-non-heap.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/free-non-heap.c.o.d"
  "/work/main/checks/hardcoded-credential.c" "CMakeFiles/libcvet.dir/checks/hardcoded-credential.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/hardcoded-credential.c.o.d"
  "/work/main/checks/insecure-temp-file.c" "CMakeFiles/libcvet.dir/checks/insecure-temp-file.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/insecure-temp-file.c.o.d"
  "/work/main/checks/privilege-drop-order.c" "CMakeFiles/libcvet.dir/checks/privilege-drop-order.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/privilege-drop-order.c.o.d"
  "/work/main/checks/privilege-drop-unchecked.c" "CMakeFiles/libcvet.dir/checks/privilege-drop-unchecked.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/privilege-drop-unchecked.c.o.d"
  "/work/main/checks/realloc-leak.c" "CMakeFiles/libcvet.dir/checks/realloc-leak.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/realloc-leak.c.o.d"
  "/work/main/checks/return-local-address.c" "CMakeFiles/libcvet.dir/checks/return-local-address.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/return-local-address.c.o.d"
  "/work/main/checks/scanf-unbounded.c" "CMakeFiles/libcvet.dir/checks/scanf-unbounded.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/scanf-unbounded.c.o.d"
  "/work/main/checks/sizeof-pointer.c" "CMakeFiles/libcvet.dir/checks/sizeof-pointer.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/sizeof-pointer.c.o.d"
  "/work/main/checks/strlen-alloc-off-by-one.c" "CMakeFiles/libcvet.dir/checks/strlen-alloc-off-by-one.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/strlen-alloc-off-by-one.c.o.d"
  "/work/main/checks/strncat-full-size.c" "CMakeFiles/libcvet.dir/checks/strncat-full-size.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/strncat-full-size.c.o.d"
  "/work/main/checks/taint.c" "CMakeFiles/libcvet.dir/checks/taint.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/taint.c.o.d"
  "/work/main/checks/tls-verify-disabled.c" "CMakeFiles/libcvet.dir/checks/tls-verify-disabled.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/tls-verify-disabled.c.o.d"
  "/work/main/checks/toctou-race.c" "CMakeFiles/libcvet.dir/checks/toctou-race.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/toctou-race.c.o.d"
  "/work/main/checks/unbounded-copy.c" "CMakeFiles/libcvet.dir/checks/unbounded-copy.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/unbounded-copy.c.o.d"
  "/work/main/checks/unbounded-sprintf.c" "CMakeFiles/libcvet.dir/checks/unbounded-sprintf.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/unbounded-sprintf.c.o.d"
  "/work/main/checks/unchecked-alloc.c" "CMakeFiles/libcvet.dir/checks/unchecked-alloc.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/unchecked-alloc.c.o.d"
  "/work/main/checks/unsafe-gets.c" "CMakeFiles/libcvet.dir/checks/unsafe-gets.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/unsafe-gets.c.o.d"
  "/work/main/checks/unsafe-libc.c" "CMakeFiles/libcvet.dir/checks/unsafe-libc.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/unsafe-libc.c.o.d"
  "/work/main/checks/weak-crypto.c" "CMakeFiles/libcvet.dir/checks/weak-crypto.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/weak-crypto.c.o.d"
  "/work/main/checks/weak-key-size.c" "CMakeFiles/libcvet.dir/checks/weak-key-size.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/weak-key-size.c.o.d"
  "/work/main/checks/weak-random.c" "CMakeFiles/libcvet.dir/checks/weak-random.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/weak-random.c.o.d"
  "/work/main/checks/world-writable-permissions.c" "CMakeFiles/libcvet.dir/checks/world-writable-permissions.c.o" "gcc" "CMakeFiles/libcvet.dir/checks/world-writable-permissions.c.o.d"
  "/work/main/build/rule_docs.c" "CMakeFiles/libcvet.dir/rule_docs.c.o" "gcc" "CMakeFiles/libcvet.dir/rule_docs.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
