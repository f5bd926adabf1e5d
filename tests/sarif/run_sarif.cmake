# One SARIF test: runs `snapkey ARGS...` (in WORKDIR, the source tree, so input paths stay
# relative), requires EXIT_CODE, writes its standard output to OUTPUT, and validates that against
# the official schema with validate.js and the EXPECT options.
#   cmake -DSNAPKEY=... -DNODE=... -DMODULES=... -DVALIDATOR=... -DSCHEMA=... -DOUTPUT=...
#         -DWORKDIR=... -DEXIT_CODE=N "-DARGS=check;...;--format;sarif" "-DEXPECT=--lines;..."
#         -P run_sarif.cmake
if(NOT NODE)
  message(FATAL_ERROR "node not found: scripts/install-deps.sh installs Debian's nodejs")
endif()
execute_process(COMMAND ${SNAPKEY} ${ARGS} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_FILE ${OUTPUT} ERROR_VARIABLE errors RESULT_VARIABLE result)
if(NOT result EQUAL EXIT_CODE)
  message(FATAL_ERROR "snapkey ${ARGS}: exit code ${result}, expected ${EXIT_CODE}\n${errors}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=${MODULES}
                        ${NODE} ${VALIDATOR} ${SCHEMA} ${OUTPUT} ${EXPECT}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "snapkey ${ARGS}: the SARIF log ${OUTPUT} fails validation (above)")
endif()
