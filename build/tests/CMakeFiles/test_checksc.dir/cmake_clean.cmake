file(REMOVE_RECURSE
  "CMakeFiles/test_checksc.dir/checksc/test_checksc.c.o"
  "CMakeFiles/test_checksc.dir/checksc/test_checksc.c.o.d"
  "test_checksc"
  "test_checksc.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_checksc.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
