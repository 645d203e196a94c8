# bench: the advisory matching benchmark program used by tests/bench/deps_bench.sh (built, not run by ctest)
add_executable(match_bench ${CMAKE_CURRENT_LIST_DIR}/match_bench.c)
target_link_libraries(match_bench PRIVATE libcvet)
target_include_directories(match_bench PRIVATE ${CMAKE_SOURCE_DIR}/analyzer)
