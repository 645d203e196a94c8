# fuzz: a libFuzzer target per input parser (tests/fuzz/fuzz_<name>.c, listed with seeds and dictionary in
# tests/fuzz/targets.txt). In every build each target is also linked with a plain main() (replay_main.c) and a
# test replays its seeds and every input under testdata/fuzz-regressions/<name>/ through it; with -DCVET_FUZZ=ON
# (clang) the libFuzzer binaries are built too (target fuzz_all; tests/fuzz/run.sh builds and runs them).
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/targets.txt CVET_FUZZ_LINES REGEX "^[a-z]")
set(CVET_FUZZ_BINARIES "")
foreach(line IN LISTS CVET_FUZZ_LINES)
  string(REGEX REPLACE "[ \t]+" ";" fields "${line}")
  list(POP_FRONT fields name dict)
  set(inputs "")
  foreach(seed IN LISTS fields)
    list(APPEND inputs ${CMAKE_SOURCE_DIR}/${seed})
  endforeach()
  list(APPEND inputs ${CMAKE_SOURCE_DIR}/testdata/fuzz-regressions/${name})

  add_executable(fuzz_replay_${name} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${name}.c ${CMAKE_CURRENT_LIST_DIR}/replay_main.c)
  target_link_libraries(fuzz_replay_${name} PRIVATE libcvet)
  target_include_directories(fuzz_replay_${name} PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_CURRENT_LIST_DIR})
  add_test(NAME fuzz.replay.${name} COMMAND fuzz_replay_${name} ${inputs})
  set_tests_properties(fuzz.replay.${name} PROPERTIES TIMEOUT 300
    ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

  if(CVET_FUZZ)
    add_executable(fuzz_${name} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${name}.c)
    target_link_libraries(fuzz_${name} PRIVATE libcvet)
    target_include_directories(fuzz_${name} PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_CURRENT_LIST_DIR})
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    list(APPEND CVET_FUZZ_BINARIES fuzz_${name})
  endif()
endforeach()
if(CVET_FUZZ)
  add_custom_target(fuzz_all DEPENDS ${CVET_FUZZ_BINARIES})
endif()
