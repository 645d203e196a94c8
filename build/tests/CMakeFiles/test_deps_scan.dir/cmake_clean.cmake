file(REMOVE_RECURSE
  "CMakeFiles/test_deps_scan.dir/deps/test_deps_scan.c.o"
  "CMakeFiles/test_deps_scan.dir/deps/test_deps_scan.c.o.d"
  "test_deps_scan"
  "test_deps_scan.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_deps_scan.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
