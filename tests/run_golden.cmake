# Runs COMMAND with ARGS (a ;-list) in WORKDIR and compares its standard output with EXPECTED.
# Fails on any difference or on an exit code other than EXIT_CODE. With SNAPKEY_UPDATE_GOLDEN=1
# in the environment, it writes the output to EXPECTED instead.
execute_process(COMMAND ${COMMAND} ${ARGS}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(DEFINED ENV{SNAPKEY_UPDATE_GOLDEN} AND "$ENV{SNAPKEY_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${EXPECTED} "${out}")
  message(STATUS "updated ${EXPECTED}")
endif()
if(NOT code STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT_CODE}\nstderr:\n${err}\nstdout:\n${out}")
endif()
if(NOT EXISTS ${EXPECTED})
  message(FATAL_ERROR "missing golden file ${EXPECTED}; run with SNAPKEY_UPDATE_GOLDEN=1")
endif()
file(READ ${EXPECTED} want)
if(NOT out STREQUAL want)
  file(WRITE ${EXPECTED}.actual "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED} (actual output in ${EXPECTED}.actual):\n"
                      "diff -u ${EXPECTED} ${EXPECTED}.actual")
endif()
