# examples/policy-tests: a user's GoogleTest suite over the article's scenarios, configured,
# built and run against the installed snapkey by run.cmake. Included by examples/examples.cmake.
add_test(NAME example.policy-tests
  COMMAND ${CMAKE_COMMAND}
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DPROJECT_BINARY_DIR=${PROJECT_BINARY_DIR}
          -DBINARY_DIR=${CMAKE_CURRENT_BINARY_DIR}/policy-tests
          -DCXX_COMPILER=${CMAKE_CXX_COMPILER}
          -P ${PROJECT_SOURCE_DIR}/examples/policy-tests/run.cmake)
set_tests_properties(example.policy-tests PROPERTIES TIMEOUT 900)
