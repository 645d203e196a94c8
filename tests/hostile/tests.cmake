# hostile: a scanned tree, database or lockfile written by an attacker, end to end (issue "Hardening").
# Every tests/hostile/test_*.py is one test, run with the cvet under test; each case states the exit code, the
# message and the resource bound it expects. A script exits 0 when every case holds, 77 to be skipped.
file(GLOB CVET_HOSTILE_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.py)
list(SORT CVET_HOSTILE_TESTS)
foreach(script IN LISTS CVET_HOSTILE_TESTS)
  get_filename_component(name ${script} NAME_WE)
  string(REGEX REPLACE "^test_" "" name ${name})
  add_test(NAME hostile.${name} COMMAND ${Python3_EXECUTABLE} ${script} --cvet $<TARGET_FILE:cvet>)
  set_tests_properties(hostile.${name} PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77
    ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
endforeach()
