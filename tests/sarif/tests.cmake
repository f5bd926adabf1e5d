# `snapkey check --format sarif` validated against the official OASIS SARIF 2.1.0 JSON schema
# (sarif-schema-2.1.0.json; README.md says where it comes from) by ajv, from npm. Node and npm are
# test tools only: scripts/install-deps.sh installs Debian's when they are missing. Included by
# tests/CMakeLists.txt.
#
# The fixture sarif.npm-ci installs the pinned validator into the build tree; each sarif.* test
# runs snapkey from the source tree (input paths stay relative, as in CI) and validates its log.
find_program(SNAPKEY_NODE NAMES node nodejs)
find_program(SNAPKEY_NPM npm)
set(SNAPKEY_SARIF_SOURCE ${CMAKE_CURRENT_LIST_DIR})
set(SNAPKEY_SARIF_BINARY ${CMAKE_CURRENT_BINARY_DIR}/sarif)
set(SNAPKEY_SARIF_SCHEMA ${SNAPKEY_SARIF_SOURCE}/sarif-schema-2.1.0.json)

add_test(NAME sarif.npm-ci
  COMMAND ${CMAKE_COMMAND} -DNPM=${SNAPKEY_NPM} -DSOURCE=${SNAPKEY_SARIF_SOURCE}
          -DBINARY=${SNAPKEY_SARIF_BINARY} -P ${SNAPKEY_SARIF_SOURCE}/npm_ci.cmake)
set_tests_properties(sarif.npm-ci PROPERTIES FIXTURES_SETUP snapkey_sarif_validator TIMEOUT 600)

# snapkey_sarif(NAME EXIT_CODE ARGS... [EXPECT validate.js options...]): runs `snapkey ARGS`,
# requires EXIT_CODE, and validates the log it prints.
function(snapkey_sarif name exit_code)
  cmake_parse_arguments(PARSE_ARGV 2 SARIF "" "" "EXPECT")
  add_test(NAME sarif.${name}
    COMMAND ${CMAKE_COMMAND} -DSNAPKEY=$<TARGET_FILE:snapkey_cli> "-DARGS=${SARIF_UNPARSED_ARGUMENTS}"
            -DEXIT_CODE=${exit_code} -DNODE=${SNAPKEY_NODE}
            -DMODULES=${SNAPKEY_SARIF_BINARY}/node_modules
            -DVALIDATOR=${SNAPKEY_SARIF_SOURCE}/validate.js -DSCHEMA=${SNAPKEY_SARIF_SCHEMA}
            -DOUTPUT=${SNAPKEY_SARIF_BINARY}/${name}.sarif -DWORKDIR=${PROJECT_SOURCE_DIR}
            "-DEXPECT=${SARIF_EXPECT}" -P ${SNAPKEY_SARIF_SOURCE}/run_sarif.cmake)
  set_tests_properties(sarif.${name} PROPERTIES FIXTURES_REQUIRED snapkey_sarif_validator
                       ENVIRONMENT "NO_COLOR=1")
endfunction()

# The article's Default-vault scenario: the aws/rds copy, located by line in the scenario YAML.
snapkey_sarif(article-1 1 check examples/article/1-mrk-default-vault.yaml --format sarif
              EXPECT --rule=AWS_MANAGED_COPY_KEY --lines)
# The replica-vault scenario passes: one note (a native copy rests on an inferred rule), nothing
# at warning or error.
snapkey_sarif(article-4 0 check examples/article/4-replica-vault.yaml --format sarif
              EXPECT --results=1 --rule=RESTS_ON_INFERRED_RULE --levels=note --lines)
# No findings at all (every check off but one that finds nothing): an empty, valid run.
snapkey_sarif(no-findings 0 check examples/article/4-replica-vault.yaml
              --policy tests/data/sarif/quiet.yaml --format sarif EXPECT --results=0)
# Suppressions: an active one (a SARIF suppression), an expired and an unused one (findings
# located in the policy file).
snapkey_sarif(suppressions 0 check examples/article/1-mrk-default-vault.yaml
              --policy tests/data/sarif/policy.yaml --today 2026-03-01 --format sarif
              EXPECT --suppressed=AWS_MANAGED_COPY_KEY --rule=EXPIRED_SUPPRESSION
                     --rule=UNUSED_SUPPRESSION --lines)
# A Terraform plan: JSON Pointers into plan.json become lines; addresses are logical locations.
snapkey_sarif(terraform 0 check examples/terraform/plan.json --format sarif
              EXPECT --rule=INDETERMINATE --lines --logical=resource)
# CloudFormation, a YAML and a JSON template: lines, and logical ids as logical locations.
snapkey_sarif(cloudformation 1 check --account 123456789012
              --stack examples/cloudformation/ireland.yaml=eu-west-1
              --stack examples/cloudformation/frankfurt.json=eu-central-1
              examples/cloudformation/ireland.yaml examples/cloudformation/frankfurt.json
              --format sarif EXPECT --rule=AWS_MANAGED_COPY_KEY --lines --logical=resource)
# An AWS CLI export: every finding is located by JSON Pointer, and gets a line.
snapkey_sarif(aws-cli 1 check examples/aws-cli/export --format sarif EXPECT --lines)

# The validator can fail: a log with a bad level, a line 0, a suppression without its kind and a
# result without a message is rejected, at each of those places.
add_test(NAME sarif.rejects-broken-log
  COMMAND ${CMAKE_COMMAND} -E env NODE_PATH=${SNAPKEY_SARIF_BINARY}/node_modules
          ${SNAPKEY_NODE} ${SNAPKEY_SARIF_SOURCE}/validate.js ${SNAPKEY_SARIF_SCHEMA}
          ${SNAPKEY_SARIF_SOURCE}/broken.sarif --expect-invalid
          --error=/runs/0/results/0/level
          --error=/runs/0/results/0/locations/0/physicalLocation/region/startLine
          --error=/runs/0/results/0/suppressions/0 --error=/runs/0/results/1)
set_tests_properties(sarif.rejects-broken-log PROPERTIES FIXTURES_REQUIRED snapkey_sarif_validator)
