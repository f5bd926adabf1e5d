# Renders `snapkey ARGS` (a check --format html report) in headless Chromium and checks the page:
# no console message (an error, a blocked fetch), every finding of the same run's JSON report
# shown with its check, subject and fix, and the diagram drawn when DIAGRAM is ON.
#   cmake -DSNAPKEY=... -DCHROMIUM=... -DARGS=a;b -DOUTPUT=dir -DWORKDIR=... -DDIAGRAM=ON
#         [-DSNAPKEY_PATH=...] -P render.cmake
# With SNAPKEY_PATH, snapkey runs with that PATH (and so without Graphviz); Chromium never does.
file(MAKE_DIRECTORY ${OUTPUT})
set(run ${SNAPKEY})
if(DEFINED SNAPKEY_PATH)
  set(run ${CMAKE_COMMAND} -E env PATH=${SNAPKEY_PATH} ${SNAPKEY})
endif()

execute_process(COMMAND ${run} ${ARGS} --format html WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_FILE ${OUTPUT}/report.html RESULT_VARIABLE code)
if(code GREATER 1)
  message(FATAL_ERROR "snapkey check --format html exited with ${code}")
endif()
execute_process(COMMAND ${run} ${ARGS} --format json WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_VARIABLE json RESULT_VARIABLE code)

# --no-sandbox: CI runs as root. A profile of its own, so that no user's profile is touched.
execute_process(
  COMMAND ${CHROMIUM} --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0
          --user-data-dir=${OUTPUT}/profile --dump-dom file://${OUTPUT}/report.html
  OUTPUT_VARIABLE dom ERROR_VARIABLE log RESULT_VARIABLE code TIMEOUT 120)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "chromium exited with ${code}:\n${log}")
endif()
string(REGEX MATCHALL "[^\n]*:CONSOLE[^\n]*" console "${log}")
if(console)
  message(FATAL_ERROR "the page wrote to the console:\n${console}")
endif()

# The DOM escapes text as the page does: compare escaped text.
function(escaped text out)
  string(REPLACE "&" "&amp;" text "${text}")
  string(REPLACE "<" "&lt;" text "${text}")
  string(REPLACE ">" "&gt;" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(JSON count LENGTH "${json}" findings)
string(REGEX MATCHALL "<div class=\"finding\">" shown "${dom}")
list(LENGTH shown shown_count)
if(NOT shown_count EQUAL count)
  message(FATAL_ERROR "the page shows ${shown_count} findings; the JSON report has ${count}")
endif()
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  foreach(field check subject message)
    string(JSON value GET "${json}" findings ${i} ${field})
    escaped("${value}" value)
    string(FIND "${dom}" "${value}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "finding ${i}: its ${field} is not on the page: ${value}")
    endif()
  endforeach()
  string(JSON suppressed TYPE "${json}" findings ${i} suppressed_by)
  if(suppressed STREQUAL "NOTFOUND" OR suppressed STREQUAL "NULL")
    string(JSON fix GET "${json}" findings ${i} fix)
    escaped("${fix}" fix)
    string(FIND "${dom}" "<dt>fix</dt><dd>${fix}</dd>" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "finding ${i}: its fix is not on the page: ${fix}")
    endif()
  endif()
endforeach()

string(FIND "${dom}" "<svg" svg)
if(DIAGRAM AND svg EQUAL -1)
  message(FATAL_ERROR "the page has no diagram")
elseif(NOT DIAGRAM AND NOT svg EQUAL -1)
  message(FATAL_ERROR "the page has a diagram, though Graphviz was not on PATH")
endif()
message(STATUS "${count} findings shown, no console message")
