# report: unit tests of the report writers (text, gcc, json, sarif, markdown, atomic files) and SARIF validation
add_executable(test_report ${CMAKE_CURRENT_LIST_DIR}/test_report.c)
target_link_libraries(test_report PRIVATE libcvet)
target_include_directories(test_report PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME report COMMAND test_report)
set_tests_properties(report PROPERTIES TIMEOUT 60
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# The official SARIF 2.1.0 schema (OASIS), copied next to this file (see tests/report/SOURCES.md);
# the validation tests are skipped (exit 77) only when python3-jsonschema is missing.
set(CVET_SARIF_SCHEMA ${CMAKE_CURRENT_LIST_DIR}/sarif-schema-2.1.0.json CACHE FILEPATH
  "SARIF 2.1.0 JSON schema used by tests/report/validate_sarif.py")

# the unit test writes the SARIF of its synthetic report; the validator checks schema + GitHub rules
add_test(NAME report.sarif.generate COMMAND test_report test_report__sarif_structure)
set_tests_properties(report.sarif.generate PROPERTIES FIXTURES_SETUP report_sarif
  ENVIRONMENT "CVET_TEST_SARIF_OUT=${CMAKE_CURRENT_BINARY_DIR}/report-sample.sarif;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
add_test(NAME report.sarif.validate
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/validate_sarif.py --schema ${CVET_SARIF_SCHEMA}
          ${CMAKE_CURRENT_BINARY_DIR}/report-sample.sarif)
set_tests_properties(report.sarif.validate PROPERTIES FIXTURES_REQUIRED report_sarif SKIP_RETURN_CODE 77)

# the validator itself must reject a log that breaks GitHub's rules
add_test(NAME report.sarif.validator_rejects
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/validate_sarif.py --schema ${CVET_SARIF_SCHEMA}
          ${CMAKE_CURRENT_LIST_DIR}/bad.sarif)
set_tests_properties(report.sarif.validator_rejects PROPERTIES WILL_FAIL TRUE SKIP_RETURN_CODE 77)

# GitLab formats (write_gitlab.c): unit tests, then the sample report they write and a scan of
# testdata/demo in each format validated by validate_gitlab.py against GitLab's published SAST and
# Dependency Scanning schemas (15.2.1, copied here, see SOURCES.md) and the documented Code Quality fields
add_executable(test_gitlab ${CMAKE_CURRENT_LIST_DIR}/test_gitlab.c)
target_link_libraries(test_gitlab PRIVATE libcvet)
target_include_directories(test_gitlab PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/gitlab)
add_test(NAME report.gitlab COMMAND test_gitlab)
set_tests_properties(report.gitlab PROPERTIES TIMEOUT 60 FIXTURES_SETUP report_gitlab
  ENVIRONMENT "CVET_TEST_GITLAB_OUT=${CMAKE_CURRENT_BINARY_DIR}/gitlab;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
foreach(kind codequality sast dependency_scanning)
  string(REPLACE "_" "-" file ${kind})
  add_test(NAME report.gitlab.validate.${kind}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/validate_gitlab.py ${kind}
            ${CMAKE_CURRENT_BINARY_DIR}/gitlab/sample-${file}.json)
  set_tests_properties(report.gitlab.validate.${kind} PROPERTIES FIXTURES_REQUIRED report_gitlab SKIP_RETURN_CODE 77)
  # the validator must reject a report that breaks the schema or the documented fields
  add_test(NAME report.gitlab.validator_rejects.${kind}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/validate_gitlab.py ${kind}
            ${CMAKE_CURRENT_LIST_DIR}/bad-gitlab-${file}.json)
  set_tests_properties(report.gitlab.validator_rejects.${kind} PROPERTIES WILL_FAIL TRUE SKIP_RETURN_CODE 77)
endforeach()
add_test(NAME report.gitlab.demo
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_gitlab_demo.py $<TARGET_FILE:cvet>)
set_tests_properties(report.gitlab.demo PROPERTIES TIMEOUT 900 SKIP_RETURN_CODE 77 DEPENDS advisories_db)

# the HTML writer's unit tests; the hostile page it renders is checked again by html_check.py (markup, CSP)
add_executable(test_report_html ${CMAKE_CURRENT_LIST_DIR}/test_report_html.c)
target_link_libraries(test_report_html PRIVATE libcvet)
target_include_directories(test_report_html PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
add_test(NAME report.html COMMAND test_report_html)
set_tests_properties(report.html PROPERTIES TIMEOUT 60 FIXTURES_SETUP report_html
  ENVIRONMENT "CVET_TEST_HTML_OUT=${CMAKE_CURRENT_BINARY_DIR}/report-html-hostile-unit.html;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
add_test(NAME report.html.check_unit_page
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/html_check.py ${CMAKE_CURRENT_BINARY_DIR}/report-html-hostile-unit.html)
set_tests_properties(report.html.check_unit_page PROPERTIES FIXTURES_REQUIRED report_html)

# the HTML report without a browser: demo page vs JSON counts, byte-identical re-runs, CSP hashes, hostile
# paths and source lines shown as text; the pages stay in the build dir as artifacts
add_test(NAME report.html.static
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_html_static.py --cvet $<TARGET_FILE:cvet>
          --source-dir ${CMAKE_SOURCE_DIR} --out-dir ${CMAKE_CURRENT_BINARY_DIR}/report-html)
set_tests_properties(report.html.static PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# the HTML report in headless chromium (Debian's package; skipped with exit 77 when it is not installed): DOM
# counts against the JSON report, real clicks over the DevTools protocol, scripts off, the hostile page;
# screenshots (report-demo.png, report-demo-filtered.png, ...) stay in the build dir as artifacts
add_test(NAME report.html.browser
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_html_browser.py --cvet $<TARGET_FILE:cvet>
          --source-dir ${CMAKE_SOURCE_DIR} --out-dir ${CMAKE_CURRENT_BINARY_DIR}/report-html-browser)
set_tests_properties(report.html.browser PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
