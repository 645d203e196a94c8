# integrations: the pre-commit hooks run for real by Debian's pre-commit (skipped when it is not installed)
add_test(NAME integrations.pre_commit
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_precommit.py --cvet $<TARGET_FILE:cvet> --source ${CMAKE_SOURCE_DIR})
set_tests_properties(integrations.pre_commit PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")

# the GitHub composite action: structure, and its scan and verdict steps run with bash as the runner would
add_test(NAME integrations.github_action
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/test_action.py --cvet $<TARGET_FILE:cvet> --source ${CMAKE_SOURCE_DIR})
set_tests_properties(integrations.github_action PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
