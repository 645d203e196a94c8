# shard: --shard K/N --save-part, merged with --merge-part, is byte-identical to one run (flow corpus)
add_test(NAME shard.merge
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_shard.py --cvet $<TARGET_FILE:cvet>
          --corpus ${CMAKE_SOURCE_DIR}/testdata/flow)
set_tests_properties(shard.merge PROPERTIES TIMEOUT 900
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
