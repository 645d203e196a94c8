# flow: the flow engine's corpus (testdata/flow, flawed/fixed pairs) scored against a baseline, so that a change
# that finds less or flags more fails (under --profile audit, so that a flow rule the default profile leaves
# out is still scored); and every corpus program compiles cleanly.
add_test(NAME flow.corpus
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/score.py --cvet $<TARGET_FILE:cvet>
          --corpus ${CMAKE_SOURCE_DIR}/testdata/flow --check-baseline ${CMAKE_CURRENT_LIST_DIR}/baseline.json -j2
          -- --profile audit)
set_tests_properties(flow.corpus PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# the same findings whatever the thread count and the order translation units finish in
add_test(NAME flow.determinism
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/determinism.py --cvet $<TARGET_FILE:cvet>
          --corpus ${CMAKE_SOURCE_DIR}/testdata/flow)
set_tests_properties(flow.determinism PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# every corpus program is valid C (a finding on a program that does not compile proves nothing)
add_test(NAME flow.corpus_compiles COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/compile_check.sh ${CMAKE_SOURCE_DIR}/testdata/flow)
set_tests_properties(flow.corpus_compiles PROPERTIES TIMEOUT 900)

# pathological functions: deep nesting, huge switch, goto webs, recursion cycles, long expressions, loop nests
add_test(NAME flow.hostile COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/hostile.py --cvet $<TARGET_FILE:cvet>)
set_tests_properties(flow.hostile PROPERTIES TIMEOUT 600
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# every family has a flawed/fixed pair for every shape the engine issues name (tests/flow/coverage.py)
add_test(NAME flow.coverage COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/coverage.py --check
         --corpus ${CMAKE_SOURCE_DIR}/testdata/flow)
