file(REMOVE_RECURSE
  "CMakeFiles/test_walker.dir/walker/test_walker.c.o"
  "CMakeFiles/test_walker.dir/walker/test_walker.c.o.d"
  "test_walker"
  "test_walker.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_walker.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
