# checks: unit tests of the security checks and their shared helpers (checks/lib/), one program per topic
foreach(topic strings surface memory)
  add_executable(test_${topic} ${CMAKE_CURRENT_LIST_DIR}/test_${topic}.c)
  target_link_libraries(test_${topic} PRIVATE libcvet)
  target_include_directories(test_${topic} PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/checks
    ${CMAKE_SOURCE_DIR}/tests)
  add_test(NAME checks.${topic} COMMAND test_${topic})
  set_tests_properties(checks.${topic} PROPERTIES TIMEOUT 120
    ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
endforeach()
