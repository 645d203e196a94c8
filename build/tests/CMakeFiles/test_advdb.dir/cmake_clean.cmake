file(REMOVE_RECURSE
  "CMakeFiles/test_advdb.dir/advdb/test_advdb.c.o"
  "CMakeFiles/test_advdb.dir/advdb/test_advdb.c.o.d"
  "test_advdb"
  "test_advdb.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_advdb.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
