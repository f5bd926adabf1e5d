# The tutorials run as tests: every command of their ```console blocks is run from the source tree
# and its output compared with the document, exactly (tutorial.cmake says how the blocks are
# written). After a deliberate change of output, SNAPKEY_UPDATE_GOLDEN=1 ctest -R docs.tutorial
# rewrites the outputs in the documents; read the diff before committing it. Included by
# tests/CMakeLists.txt.
function(snapkey_doc_test name doc)
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -DSNAPKEY=$<TARGET_FILE:snapkey_cli> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -DDOC=${doc} -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/tutorial.cmake)
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "NO_COLOR=1")
endfunction()

snapkey_doc_test(docs.tutorial docs/tutorial.md)
snapkey_doc_test(docs.tutorial.ja docs/ja/tutorial.md)
