# cache: the incremental cache - warm runs byte-identical to cold ones, only what changed is parsed again, damaged
# or foreign cache files, concurrent runs, eviction, unsafe folders, cvet cache status|clear
add_test(NAME cache.incremental
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_cache.py --cvet $<TARGET_FILE:cvet>
          --corpus ${CMAKE_SOURCE_DIR}/testdata/flow)
set_tests_properties(cache.incremental PROPERTIES TIMEOUT 900
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
