# demo: end-to-end scan of testdata/demo (both analyses) and SARIF validation of the demo and every fixture
add_test(NAME demo
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_demo.py $<TARGET_FILE:cvet>
          ${CMAKE_SOURCE_DIR}/tests/report/validate_sarif.py ${CMAKE_SOURCE_DIR}/tests/report/sarif-schema-2.1.0.json)
set_tests_properties(demo PROPERTIES TIMEOUT 900 DEPENDS advisories_db)
