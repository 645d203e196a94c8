# code: unit tests of the AST walker, the libclang helpers (analyzer/code/) and the rule registry
add_executable(test_walker ${CMAKE_CURRENT_LIST_DIR}/test_walker.c)
target_link_libraries(test_walker PRIVATE libcvet)
target_include_directories(test_walker PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME walker COMMAND test_walker)
set_tests_properties(walker PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
