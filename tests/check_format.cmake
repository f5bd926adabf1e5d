# Fails when a C++ file of the project is not formatted as .clang-format says. Run by CTest as
#   cmake -DCLANG_FORMAT=... -DSOURCE_DIR=... -P check_format.cmake
# (the glob lists files to check, not sources to build).
file(GLOB_RECURSE files
  ${SOURCE_DIR}/include/*.hpp ${SOURCE_DIR}/src/*.cpp ${SOURCE_DIR}/src/*.hpp
  ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.hpp ${SOURCE_DIR}/bench/*.cpp
  ${SOURCE_DIR}/examples/*.cpp ${SOURCE_DIR}/examples/*.hpp)
list(LENGTH files count)
if(count LESS 100)
  message(FATAL_ERROR "check_format: found only ${count} files under ${SOURCE_DIR}")
endif()
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${files}
                RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "check_format: run clang-format -i on these files:\n${errors}")
endif()
message(STATUS "check_format: ${count} files formatted")
