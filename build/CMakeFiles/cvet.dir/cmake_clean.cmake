file(REMOVE_RECURSE
  "CMakeFiles/cvet.dir/analyzer/main.c.o"
  "CMakeFiles/cvet.dir/analyzer/main.c.o.d"
  "cvet"
  "cvet.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/cvet.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
