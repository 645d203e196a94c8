file(REMOVE_RECURSE
  "CMakeFiles/test_deps_parsers.dir/deps/test_deps_parsers.c.o"
  "CMakeFiles/test_deps_parsers.dir/deps/test_deps_parsers.c.o.d"
  "test_deps_parsers"
  "test_deps_parsers.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_deps_parsers.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
