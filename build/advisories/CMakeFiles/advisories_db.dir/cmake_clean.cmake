file(REMOVE_RECURSE
  "../advisories.db"
  "CMakeFiles/advisories_db"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/advisories_db.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
