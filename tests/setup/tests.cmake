# setup: how the build finds its dependencies (libclang discovery order on fake LLVM trees)
add_test(NAME setup.find_libclang
  COMMAND ${CMAKE_COMMAND} -E env CMAKE_COMMAND=${CMAKE_COMMAND} sh ${CMAKE_CURRENT_LIST_DIR}/find_libclang_test.sh ${CMAKE_SOURCE_DIR})
set_tests_properties(setup.find_libclang PROPERTIES TIMEOUT 60)

# cmake --install under a temporary prefix: the binary finds its database and docs there
add_test(NAME setup.install
  COMMAND ${CMAKE_COMMAND} -E env CMAKE_COMMAND=${CMAKE_COMMAND} sh ${CMAKE_CURRENT_LIST_DIR}/install_test.sh ${CMAKE_BINARY_DIR})
set_tests_properties(setup.install PROPERTIES TIMEOUT 120)
