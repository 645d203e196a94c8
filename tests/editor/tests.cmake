# editor: `cvet code FILE` with a neighbour's flags for unlisted files, and --stdin-filename (unsaved buffers)
add_test(NAME editor.fast_path COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_editor.py --cvet $<TARGET_FILE:cvet>)
set_tests_properties(editor.fast_path PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
