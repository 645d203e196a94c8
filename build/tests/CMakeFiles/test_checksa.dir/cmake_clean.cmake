file(REMOVE_RECURSE
  "CMakeFiles/test_checksa.dir/checksa/test_checksa.c.o"
  "CMakeFiles/test_checksa.dir/checksa/test_checksa.c.o.d"
  "test_checksa"
  "test_checksa.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_checksa.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
