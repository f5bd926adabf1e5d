# The packaging tests, included from tests/CMakeLists.txt: the man page and the completion
# scripts against `snapkey --help`.

if(SNAPKEY_CLI)
  find_program(SNAPKEY_BASH bash REQUIRED)
  # groff -ww renders docs/man/snapkey.1 without a warning, and its synopsis has every
  # subcommand and option of the CLI.
  add_test(NAME packaging.man
    COMMAND ${SNAPKEY_BASH} ${CMAKE_CURRENT_LIST_DIR}/man_test.sh $<TARGET_FILE:snapkey_cli>
            ${PROJECT_SOURCE_DIR}/docs/man/snapkey.1)
  # completions/: bash (with and without bash-completion) and zsh complete the CLI's subcommands,
  # options and formats.
  add_test(NAME packaging.completion
    COMMAND ${SNAPKEY_BASH} ${CMAKE_CURRENT_LIST_DIR}/completion_test.sh
            $<TARGET_FILE:snapkey_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(packaging.man packaging.completion PROPERTIES ENVIRONMENT "NO_COLOR=1")
endif()
