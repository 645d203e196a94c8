# advdb: unit tests of the advisory database (versions, CVSS, inflate/zip, hostile imports, atomicity, bundled DB cases)
set(CVET_ADVDB_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/advdb-scratch)
add_executable(test_advdb ${CMAKE_CURRENT_LIST_DIR}/test_advdb.c)
target_link_libraries(test_advdb PRIVATE libcvet)
target_include_directories(test_advdb PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(test_advdb PRIVATE
  CVET_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  CVET_TEST_SCRATCH="${CVET_ADVDB_SCRATCH}"
  CVET_TEST_ZIPS="${CVET_ADVDB_SCRATCH}/zips"
  CVET_TEST_BUNDLED_DB="${CMAKE_BINARY_DIR}/advisories.db")
if(TARGET advisories_db)
  add_dependencies(test_advdb advisories_db)
endif()

# deflate streams and zip archives (good ones, bombs, junk) made with Python's zipfile for the tests
add_test(NAME advdb.make_zips
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/make_zips.py ${CVET_ADVDB_SCRATCH}/zips)
set_tests_properties(advdb.make_zips PROPERTIES FIXTURES_SETUP advdb_zips)

add_test(NAME advdb COMMAND test_advdb)
set_tests_properties(advdb PROPERTIES TIMEOUT 120 FIXTURES_REQUIRED advdb_zips
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# the bundled database answers through the real binary too
add_test(NAME advdb.status COMMAND cvet db status --db ${CMAKE_BINARY_DIR}/advisories.db)
set_tests_properties(advdb.status PROPERTIES PASS_REGULAR_EXPRESSION "records: +[0-9]+")

# the same contracts through the real binary: warning lines, summary, exit codes, atomic replace
add_test(NAME advdb.cli COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/cli_test.py $<TARGET_FILE:cvet>
  ${CMAKE_SOURCE_DIR}/advisories/osv)
set_tests_properties(advdb.cli PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# the CVE JSON 5 importer: mapping, version ranges, CNA/ADP containers, dedup with OSV aliases, hostile records,
# and the bundled vulnrichment records matching pins
add_executable(test_cve5 ${CMAKE_CURRENT_LIST_DIR}/test_cve5.c)
target_link_libraries(test_cve5 PRIVATE libcvet)
target_include_directories(test_cve5 PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(test_cve5 PRIVATE
  CVET_TEST_SCRATCH="${CMAKE_CURRENT_BINARY_DIR}/cve5-scratch"
  CVET_TEST_BUNDLED_DB="${CMAKE_BINARY_DIR}/advisories.db")
if(TARGET advisories_db)
  add_dependencies(test_cve5 advisories_db)
endif()
add_test(NAME advdb.cve5 COMMAND test_cve5)
set_tests_properties(advdb.cve5 PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

add_test(NAME advdb.cve5_cli COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/cve5_cli_test.py $<TARGET_FILE:cvet>)
set_tests_properties(advdb.cve5_cli PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# full OSV dumps: a generated 20,000-record zip imports within 200 MB RSS, other ecosystems are left out, progress
# line, hostile archives, and the stale-database warning of `cvet db status`
add_test(NAME advdb.osv_dump COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/osv_dump_test.py $<TARGET_FILE:cvet>)
set_tests_properties(advdb.osv_dump PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
