file(REMOVE_RECURSE
  "CMakeFiles/test_checksb.dir/checksb/test_checksb.c.o"
  "CMakeFiles/test_checksb.dir/checksb/test_checksb.c.o.d"
  "test_checksb"
  "test_checksb.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_checksb.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
