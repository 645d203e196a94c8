# compdb: unit tests of the compile-database allow-list and the "command" splitter (analyzer/scan/compdb.c)
add_executable(test_compdb ${CMAKE_CURRENT_LIST_DIR}/test_compdb.c)
target_link_libraries(test_compdb PRIVATE libcvet)
target_include_directories(test_compdb PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME compdb.unit COMMAND test_compdb)
set_tests_properties(compdb.unit PROPERTIES TIMEOUT 60
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
