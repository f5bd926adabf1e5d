# The CloudFormation example (examples/cloudformation/README.md) run as tests: two stacks, one
# per Region, read together; the expected output is checked in under expected/. Included by
# examples/examples.cmake. Regenerate with SNAPKEY_UPDATE_GOLDEN=1 ctest -R example.cloudformation
# and read the diff.
set(SNAPKEY_CFN_ARGS
  --account 123456789012
  --stack examples/cloudformation/ireland.yaml=eu-west-1
  --stack examples/cloudformation/frankfurt.json=eu-central-1
  examples/cloudformation/ireland.yaml examples/cloudformation/frankfurt.json)
set(SNAPKEY_CFN_EXPECTED ${PROJECT_SOURCE_DIR}/examples/cloudformation/expected)

snapkey_golden(example.cloudformation.table ${SNAPKEY_CFN_EXPECTED}/predict.txt 0
  predict ${SNAPKEY_CFN_ARGS})
snapkey_golden(example.cloudformation.json ${SNAPKEY_CFN_EXPECTED}/predict.json 0
  predict --format json ${SNAPKEY_CFN_ARGS})
# Why the weekly copy of the reports database lands on aws/rds in Frankfurt, not on a key of ours.
snapkey_golden(example.cloudformation.explain-archive
  ${SNAPKEY_CFN_EXPECTED}/explain-reports-archive.txt 0
  explain ${SNAPKEY_CFN_ARGS} reports-prod@payments-archive)
# Staging: the condition IsProd is false, so tier 1 has no copy to Frankfurt.
snapkey_golden(example.cloudformation.staging ${SNAPKEY_CFN_EXPECTED}/predict-staging.txt 0
  predict --parameter Environment=staging ${SNAPKEY_CFN_ARGS})
