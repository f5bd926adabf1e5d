# The saved AWS CLI export of examples/aws-cli/export (two accounts, three Regions): its expected
# predictions and explanations are checked in and run as tests, so the walk-through in README.md
# cannot drift from what snapkey does. Included by examples/examples.cmake.
set(SNAPKEY_AWS_CLI_EXPECTED ${PROJECT_SOURCE_DIR}/examples/aws-cli/expected)
snapkey_golden(example.aws-cli.predict.table ${SNAPKEY_AWS_CLI_EXPECTED}/predict.txt 0
               predict examples/aws-cli/export)
snapkey_golden(example.aws-cli.predict.json ${SNAPKEY_AWS_CLI_EXPECTED}/predict.json 0
               predict --format json examples/aws-cli/export)
# The article's surprise: a copy into Osaka's Default vault gets aws/rds, not the vault's key.
snapkey_golden(example.aws-cli.explain.default-vault ${SNAPKEY_AWS_CLI_EXPECTED}/explain-default-vault.txt 0
               explain examples/aws-cli/export orders@ap-northeast-3/Default)
# A cluster on aws/rds cannot be copied to the central backup account.
snapkey_golden(example.aws-cli.explain.aws-rds-cross-account
               ${SNAPKEY_AWS_CLI_EXPECTED}/explain-aws-rds-cross-account.txt 0
               explain examples/aws-cli/export inventory@central)
