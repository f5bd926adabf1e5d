# `snapkey check --format html` rendered in headless Chromium (Debian's chromium, which
# scripts/install-deps.sh installs): no console message, every finding on the page, the diagram
# when Graphviz is there and a note when it is not. Included by tests/CMakeLists.txt.
find_program(SNAPKEY_CHROMIUM NAMES chromium chromium-browser)
if(NOT SNAPKEY_CHROMIUM)
  message(STATUS "chromium not found: the html.* tests are not run (scripts/install-deps.sh)")
  return()
endif()

# snapkey_html(NAME DIAGRAM ARGS...): renders `snapkey check ARGS --format html`; snapkey runs
# with SNAPKEY_HTML_PATH as PATH when it is set.
function(snapkey_html name diagram)
  set(path)
  if(DEFINED SNAPKEY_HTML_PATH)
    set(path -DSNAPKEY_PATH=${SNAPKEY_HTML_PATH})
  endif()
  add_test(NAME html.${name}
    COMMAND ${CMAKE_COMMAND} -DSNAPKEY=$<TARGET_FILE:snapkey_cli> -DCHROMIUM=${SNAPKEY_CHROMIUM} ${path}
            "-DARGS=check;${ARGN}" -DOUTPUT=${CMAKE_CURRENT_BINARY_DIR}/html/${name}
            -DWORKDIR=${PROJECT_SOURCE_DIR} -DDIAGRAM=${diagram}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/render.cmake)
  set_tests_properties(html.${name} PROPERTIES TIMEOUT 180)
endfunction()

if(SNAPKEY_DOT)
  snapkey_html(article ON examples/article/1-mrk-default-vault.yaml --today 2026-03-01)
  snapkey_html(suppressions ON examples/article/1-mrk-default-vault.yaml
               --policy tests/data/check/suppressions.yaml --today 2026-03-01)
  snapkey_html(cli-scenario ON tests/data/cli/article.yaml --today 2026-03-01)
endif()
# Without Graphviz on PATH, the page says so instead of drawing.
set(SNAPKEY_HTML_PATH ${CMAKE_CURRENT_BINARY_DIR}/no-graphviz)
snapkey_html(no-graphviz OFF examples/article/1-mrk-default-vault.yaml --today 2026-03-01)
unset(SNAPKEY_HTML_PATH)
