# checksb: unit tests of the group B security checks' helpers, the network surface and secret redaction
add_executable(test_checksb ${CMAKE_CURRENT_LIST_DIR}/test_checksb.c)
target_link_libraries(test_checksb PRIVATE libcvet)
target_include_directories(test_checksb PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/checks
  ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME checksb COMMAND test_checksb)
set_tests_properties(checksb PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
