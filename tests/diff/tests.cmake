# diff: --diff FILE and --diff-base REV report only what a change is responsible for
add_test(NAME diff.aware COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_diff.py --cvet $<TARGET_FILE:cvet>)
set_tests_properties(diff.aware PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
