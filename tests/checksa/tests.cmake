# checksa: unit tests of the group A security checks' helpers (format estimator, names) and of the taint tracker
add_executable(test_checksa ${CMAKE_CURRENT_LIST_DIR}/test_checksa.c)
target_link_libraries(test_checksa PRIVATE libcvet)
target_include_directories(test_checksa PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/checks
  ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME checksa COMMAND test_checksa)
set_tests_properties(checksa PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
