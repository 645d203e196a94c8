# checksc: unit tests of the group C memory checks (flattened bodies, finding steps, regressions, hostile shapes)
add_executable(test_checksc ${CMAKE_CURRENT_LIST_DIR}/test_checksc.c)
target_link_libraries(test_checksc PRIVATE libcvet)
target_include_directories(test_checksc PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/checks
  ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME checksc COMMAND test_checksc)
set_tests_properties(checksc PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
