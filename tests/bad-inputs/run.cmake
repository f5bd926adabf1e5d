# The bad-input catalogue (tests/bad-inputs/README.md): runs snapkey on every case and compares
# its exit code and standard error with the case's .expected file, exactly, and checks that
# nothing is written to standard output.
#
#   cmake -DSNAPKEY=build/snapkey -DSOURCE_DIR=. [-DACTUAL_DIR=DIR] [-DCASE=REGEX]
#         -P tests/bad-inputs/run.cmake
#
# SNAPKEY: the CLI. SOURCE_DIR: the repository root, where snapkey runs (paths in the messages
# are relative to it). ACTUAL_DIR: where a failing case's actual output is written (default
# SOURCE_DIR/build). CASE: run only the cases whose .expected path (relative to the
# root) matches this regular expression. SNAPKEY_UPDATE_GOLDEN=1 in the environment rewrites
# each .expected file with what snapkey did (its args: line kept); read the diff before
# committing it.
cmake_minimum_required(VERSION 3.20)

foreach(required SNAPKEY SOURCE_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "run.cmake: -D${required}=... is required")
  endif()
endforeach()
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)
get_filename_component(SNAPKEY "${SNAPKEY}" ABSOLUTE)
if(NOT DEFINED ACTUAL_DIR)
  set(ACTUAL_DIR ${SOURCE_DIR}/build)
endif()
set(update FALSE)
if(DEFINED ENV{SNAPKEY_UPDATE_GOLDEN} AND "$ENV{SNAPKEY_UPDATE_GOLDEN}" STREQUAL "1")
  set(update TRUE)
endif()
set(ENV{NO_COLOR} 1)

set(catalogue tests/bad-inputs)
file(GLOB_RECURSE cases LIST_DIRECTORIES false RELATIVE ${SOURCE_DIR}
     ${SOURCE_DIR}/${catalogue}/*.expected)
list(SORT cases)
if(DEFINED CASE)
  list(FILTER cases INCLUDE REGEX "${CASE}")
endif()
list(LENGTH cases total)
if(total EQUAL 0)
  message(FATAL_ERROR "run.cmake: no case in ${catalogue} (CASE '${CASE}')")
endif()

# Splits `text` at its first newline: `first` gets the line, `rest` what follows it.
function(split_first_line text first rest)
  string(FIND "${text}" "\n" newline)
  if(newline EQUAL -1)
    set(${first} "${text}" PARENT_SCOPE)
    set(${rest} "" PARENT_SCOPE)
  else()
    string(SUBSTRING "${text}" 0 ${newline} line)
    math(EXPR after "${newline} + 1")
    string(SUBSTRING "${text}" ${after} -1 tail)
    set(${first} "${line}" PARENT_SCOPE)
    set(${rest} "${tail}" PARENT_SCOPE)
  endif()
endfunction()

set(failed 0)
# Reports a failing case (at once, so a hang later on does not hide it) and counts it.
macro(fail text)
  message("FAILED ${text}")
  math(EXPR failed "${failed} + 1")
endmacro()
set(passed 0)
foreach(case IN LISTS cases)
  get_filename_component(dir ${case} DIRECTORY)
  get_filename_component(file_name ${case} NAME)
  string(REGEX REPLACE "\\.expected$" "" name "${file_name}")
  if(name MATCHES "\\.")
    fail("${case}: a case's name has no '.' (the input is NAME or NAME.EXT)")
    continue()
  endif()

  # The input: the file NAME.EXT (NAME.tf.json ...) or the directory NAME beside the .expected.
  file(GLOB inputs LIST_DIRECTORIES true RELATIVE ${SOURCE_DIR}
       ${SOURCE_DIR}/${dir}/${name} ${SOURCE_DIR}/${dir}/${name}.*)
  list(REMOVE_ITEM inputs ${case})
  list(FILTER inputs EXCLUDE REGEX "\\.actual$")
  list(LENGTH inputs input_count)
  if(input_count GREATER 1)
    fail("${case}: more than one input named ${name}: ${inputs}")
    continue()
  endif()

  # exit N, then an optional args: line, then standard error.
  file(READ ${SOURCE_DIR}/${case} expected)
  split_first_line("${expected}" exit_line expected_err)
  if(NOT exit_line MATCHES "^exit ([0-9]+)$")
    fail("${case}:1: expected 'exit N', found '${exit_line}'")
    continue()
  endif()
  set(expected_code ${CMAKE_MATCH_1})
  set(args_line "")
  if(expected_err MATCHES "^args: ")
    split_first_line("${expected_err}" args_line expected_err)
  endif()
  if(args_line STREQUAL "")
    if(input_count EQUAL 0)
      fail("${case}: no input ${dir}/${name}[.EXT] and no args: line")
      continue()
    endif()
    set(args predict ${inputs})
  else()
    string(REGEX REPLACE "^args: " "" args_text "${args_line}")
    separate_arguments(args UNIX_COMMAND "${args_text}")
    if(args MATCHES "{}" AND input_count EQUAL 0)
      fail("${case}:2: {} stands for the input, and there is no ${dir}/${name}[.EXT]")
      continue()
    endif()
    list(TRANSFORM args REPLACE "^{}$" "${inputs}")
  endif()

  execute_process(COMMAND ${SNAPKEY} ${args}
    WORKING_DIRECTORY ${SOURCE_DIR}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code
    TIMEOUT 60)

  set(header "exit ${code}\n")
  if(NOT args_line STREQUAL "")
    string(APPEND header "${args_line}\n")
  endif()
  if(update)
    file(WRITE ${SOURCE_DIR}/${case} "${header}${err}")
  endif()
  set(problems "")
  if(NOT "${code}" STREQUAL "${expected_code}" AND NOT update)
    string(APPEND problems " exit code ${code}, expected ${expected_code};")
  endif()
  if(NOT err STREQUAL expected_err AND NOT update)
    string(APPEND problems " standard error differs;")
  endif()
  if(NOT out STREQUAL "")
    string(APPEND problems " standard output is not empty;")
  endif()
  if(problems STREQUAL "")
    math(EXPR passed "${passed} + 1")
  else()
    file(WRITE ${ACTUAL_DIR}/${case}.actual "${header}${err}")
    if(NOT out STREQUAL "")
      file(WRITE ${ACTUAL_DIR}/${case}.stdout "${out}")
    endif()
    string(REPLACE ";" " " shown "${args}")
    fail("${case}:${problems} (snapkey ${shown})\n  diff -u ${case} ${ACTUAL_DIR}/${case}.actual")
  endif()
endforeach()

if(update)
  message(STATUS "bad-inputs: rewrote the .expected files of ${total} cases")
endif()
message("bad-inputs: ${passed} passed, ${failed} failed")
if(failed GREATER 0)
  message(FATAL_ERROR "bad-inputs: ${failed} of ${total} cases failed")
endif()
