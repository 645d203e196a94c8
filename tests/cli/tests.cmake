# cli: unit tests of suppressions/excludes/config, and end-to-end tests of the command line driving the built binary
add_executable(test_cli ${CMAKE_CURRENT_LIST_DIR}/test_cli.c)
target_link_libraries(test_cli PRIVATE libcvet)
target_include_directories(test_cli PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME cli.unit COMMAND test_cli)
set_tests_properties(cli.unit PROPERTIES TIMEOUT 60
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

add_test(NAME cli
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/run_cli_tests.py
          --cvet $<TARGET_FILE:cvet> --source ${CMAKE_SOURCE_DIR})
set_tests_properties(cli PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
