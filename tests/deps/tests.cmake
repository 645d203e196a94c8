# deps: the dependency half - manifest parsers on the real samples and hostile input, the scan, ignores, end-to-end
add_executable(test_deps_parsers ${CMAKE_CURRENT_LIST_DIR}/test_deps_parsers.c)
target_link_libraries(test_deps_parsers PRIVATE libcvet)
target_include_directories(test_deps_parsers PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(test_deps_parsers PRIVATE
  CVET_TESTDATA="${CMAKE_SOURCE_DIR}/testdata")
add_test(NAME deps_parsers COMMAND test_deps_parsers)
set_tests_properties(deps_parsers PROPERTIES TIMEOUT 120)

# cvet_deps_scan() against the bundled database the build generates
add_executable(test_deps_scan ${CMAKE_CURRENT_LIST_DIR}/test_deps_scan.c)
target_link_libraries(test_deps_scan PRIVATE libcvet)
target_include_directories(test_deps_scan PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(test_deps_scan PRIVATE
  CVET_TESTDATA="${CMAKE_SOURCE_DIR}/testdata" CVET_TEST_DB="${CMAKE_BINARY_DIR}/advisories.db")
add_test(NAME deps_scan COMMAND test_deps_scan)
set_tests_properties(deps_scan PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# end-to-end: the cvet binary on fixture trees (bundled advisory database), ignores, hostile files, git fixtures
add_test(NAME deps_e2e
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/e2e_deps.py --cvet $<TARGET_FILE:cvet>
          --testdata ${CMAKE_SOURCE_DIR}/testdata)
set_tests_properties(deps_e2e PROPERTIES TIMEOUT 300
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# vcpkg builtin-baseline versions from a vcpkg checkout (--vcpkg-root / $VCPKG_ROOT): loose and packed git objects
# of a fake checkout the test builds with git, overrides, version>=, notes for what stays unknown, damaged packs
add_test(NAME deps.vcpkg_root COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/vcpkg_root_test.py $<TARGET_FILE:cvet>)
set_tests_properties(deps.vcpkg_root PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
# a VCPKG_ROOT of the developer's own must not change what the fixtures expect (CMake >= 3.22; older ignores it)
set_tests_properties(deps_parsers deps_scan deps_e2e PROPERTIES ENVIRONMENT_MODIFICATION "VCPKG_ROOT=unset:")

# coverage of the real samples (tests/deps/coverage.py): floors so that the name map and parsers cannot regress
add_test(NAME deps_coverage
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/coverage.py --cvet $<TARGET_FILE:cvet>
          --testdata ${CMAKE_SOURCE_DIR}/testdata --db ${CMAKE_BINARY_DIR}/advisories.db
          --min-checked 113 --min-known 213)
set_tests_properties(deps_coverage PROPERTIES TIMEOUT 120
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# conanfile.py and CMake declaration readers (FetchContent, ExternalProject, CPM) on real samples and hostile input
add_executable(test_deps_cmake_conanpy ${CMAKE_CURRENT_LIST_DIR}/test_deps_cmake_conanpy.c)
target_link_libraries(test_deps_cmake_conanpy PRIVATE libcvet)
target_include_directories(test_deps_cmake_conanpy PRIVATE ${CMAKE_SOURCE_DIR}/analyzer ${CMAKE_SOURCE_DIR}/tests)
target_compile_definitions(test_deps_cmake_conanpy PRIVATE CVET_TESTDATA="${CMAKE_SOURCE_DIR}/testdata")
add_test(NAME deps_cmake_conanpy COMMAND test_deps_cmake_conanpy)
set_tests_properties(deps_cmake_conanpy PROPERTIES TIMEOUT 120)
