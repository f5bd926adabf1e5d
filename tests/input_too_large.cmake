# A sparse file of 300 MiB (no disk used) named as an input: refused with E_INPUT_TOO_LARGE and
# exit code 2, without reading it. FILE is where to make it; COMMAND the CLI.
file(WRITE ${FILE} "")
execute_process(COMMAND truncate -s 300M ${FILE} RESULT_VARIABLE made)
if(NOT made EQUAL 0)
  message(FATAL_ERROR "cannot make the sparse file ${FILE}")
endif()
execute_process(COMMAND ${COMMAND} predict ${FILE} OUTPUT_VARIABLE out ERROR_VARIABLE err
                RESULT_VARIABLE code)
file(REMOVE ${FILE})
set(want "${FILE}: error E_INPUT_TOO_LARGE: '${FILE}' is larger than 256 MiB, the most snapkey reads from one file; split it (an AWS CLI export can be a file per call)\n")
if(NOT code EQUAL 2 OR NOT out STREQUAL "" OR NOT err STREQUAL want)
  message(FATAL_ERROR "exit code ${code}\nstdout:\n${out}\nstderr:\n${err}\nexpected:\n${want}")
endif()
