# layout: no include or call cycle between files of analyzer/ and checks/, no layer including a higher one
add_test(NAME layout.cycles
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_cycles.py ${CMAKE_SOURCE_DIR}
          --objects $<TARGET_OBJECTS:libcvet>
  COMMAND_EXPAND_LISTS)
set_tests_properties(layout.cycles PROPERTIES TIMEOUT 120)
add_test(NAME layout.self_test COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/check_cycles.py --self-test)
