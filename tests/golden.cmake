# Golden tests of the snapkey command-line tool (included by tests/CMakeLists.txt).
#
# Each runs the CLI from the repository root and compares its standard output with a file in
# tests/golden/. After a deliberate change of output, regenerate them with
#   SNAPKEY_UPDATE_GOLDEN=1 ctest -R golden
# and read the diff before committing it.

set(SNAPKEY_GOLDEN ${CMAKE_CURRENT_SOURCE_DIR}/golden)
set(SNAPKEY_CLI_DATA tests/data/cli)

# predict: the article's experiment plus a failing cross-account copy, a native copy, a restore.
snapkey_golden(golden_predict_table ${SNAPKEY_GOLDEN}/predict-table.txt 0
               predict ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_golden(golden_predict_json ${SNAPKEY_GOLDEN}/predict.json 0
               predict ${SNAPKEY_CLI_DATA}/article.yaml --format json)
snapkey_golden(golden_predict_markdown ${SNAPKEY_GOLDEN}/predict.md 0
               predict --format markdown ${SNAPKEY_CLI_DATA}/article.yaml)
# The example of docs/json-output.md (render_test.cpp checks that the two agree).
snapkey_golden(golden_predict_minimal_json ${SNAPKEY_GOLDEN}/predict-minimal.json 0
               predict ${SNAPKEY_CLI_DATA}/minimal.yaml --format json)
# Determinism: the same scenario with every map and list in another order, same bytes.
snapkey_golden(golden_predict_json_shuffled ${SNAPKEY_GOLDEN}/predict.json 0
               predict ${SNAPKEY_CLI_DATA}/article-shuffled.yaml --format json)
# --as-of before the October 2025 launch of single-action cross-Region, cross-account copies.
snapkey_golden(golden_predict_as_of ${SNAPKEY_GOLDEN}/predict-as-of-2025-06-01.txt 0
               predict ${SNAPKEY_CLI_DATA}/article.yaml --as-of 2025-06-01)

# explain: the article's surprise (alias/aws/rds in the Default vault) and a failure.
snapkey_golden(golden_explain_default_vault ${SNAPKEY_GOLDEN}/explain-default-vault.txt 0
               explain ${SNAPKEY_CLI_DATA}/article.yaml aurora@virginia-default)
snapkey_golden(golden_explain_cross_account ${SNAPKEY_GOLDEN}/explain-cross-account.txt 0
               explain ${SNAPKEY_CLI_DATA}/article.yaml orders@central)

# rules. docs/rules.md is itself a golden file: SNAPKEY_UPDATE_GOLDEN=1 regenerates it too.
snapkey_golden(golden_rules_table ${SNAPKEY_GOLDEN}/rules.txt 0 rules)
snapkey_golden(golden_rules_markdown ${PROJECT_SOURCE_DIR}/docs/rules.md 0
               rules --format markdown)

# errors. docs/errors.md is a golden file too (SNAPKEY_UPDATE_GOLDEN=1 regenerates it).
snapkey_golden(golden_errors_markdown ${PROJECT_SOURCE_DIR}/docs/errors.md 0
               errors --format markdown)
snapkey_golden(golden_errors_table ${SNAPKEY_GOLDEN}/errors.txt 0 errors)
snapkey_golden(golden_errors_json ${SNAPKEY_GOLDEN}/errors.json 0 errors --format json)

# --version: the expected text follows project(VERSION), so it lives in the build tree.
# The rule table's date follows the newest rule: a new one changes it, deliberately.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/version.txt "snapkey ${PROJECT_VERSION} (rules of 2026-02-18)\n")
snapkey_golden(golden_version ${CMAKE_CURRENT_BINARY_DIR}/version.txt 0 --version)
# --help: exit code 0 (a plain test passes on 0), usage on standard output.
add_test(NAME cli_help_exit_code COMMAND snapkey_cli predict --help)
add_test(NAME cli_help COMMAND snapkey_cli --help)
set_tests_properties(cli_help PROPERTIES PASS_REGULAR_EXPRESSION
                     "Usage: snapkey \\[OPTIONS\\] SUBCOMMAND.*predict.*explain.*rules")

# Usage and input errors: exit code 2, nothing on standard output. The cli_* tests check the
# message on standard error (ctest matches PASS_REGULAR_EXPRESSION against both streams, so the
# golden_* twin of each is what pins the exit code and the empty standard output).
function(snapkey_cli_error name regex)
  add_test(NAME ${name} COMMAND snapkey_cli ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "NO_COLOR=1" PASS_REGULAR_EXPRESSION "${regex}")
endfunction()

snapkey_golden(golden_usage_no_subcommand ${SNAPKEY_GOLDEN}/empty.txt 2)
snapkey_cli_error(cli_usage_no_subcommand
                  "^error E_USAGE: expected a subcommand \\(predict, explain, verify, rules, check, checks, graph, errors, export-scenario\\), found none \\(snapkey --help shows the usage\\)\n$")
# Every usage error has its id, and a misspelt subcommand or option its suggestion.
snapkey_cli_error(cli_usage_misspelt_subcommand
                  "^error E_USAGE: expected a subcommand \\([a-z, -]*\\), found 'prediction'; did you mean 'predict'\\? \\(snapkey --help shows the usage\\)\n$"
                  prediction ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_cli_error(cli_usage_misspelt_option
                  "^error E_USAGE: unknown option '--formt'; did you mean '--format'\\? \\(snapkey predict --help shows the usage\\)\n$"
                  predict --formt json ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_golden(golden_usage_bad_format ${SNAPKEY_GOLDEN}/empty.txt 2
               predict --format xml ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_cli_error(cli_usage_bad_format "--format: xml not in {table,json,markdown}"
                  predict --format xml ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_golden(golden_usage_explain_missing_id ${SNAPKEY_GOLDEN}/empty.txt 2
               explain ${SNAPKEY_CLI_DATA}/article.yaml)

snapkey_golden(golden_bad_input ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml)
snapkey_cli_error(cli_bad_input
                  "^tests/data/cli/bad-unknown-key.yaml:6:5: error E_SCENARIO_KEY: unknown key 'alais' in key 'app-key'; did you mean 'alias'\\?\n$"
                  predict ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml)
snapkey_golden(golden_missing_file ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/no-such-file.yaml)
snapkey_cli_error(cli_missing_file
                  "^tests/data/cli/no-such-file.yaml: error E_FILE: cannot read 'tests/data/cli/no-such-file.yaml': No such file or directory\n$"
                  predict ${SNAPKEY_CLI_DATA}/no-such-file.yaml)
snapkey_golden(golden_bad_as_of ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --as-of 2026-02-30)
snapkey_cli_error(cli_bad_as_of "^error E_DATE: --as-of: "
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --as-of 2026-02-30)
snapkey_golden(golden_unknown_recovery_point ${SNAPKEY_GOLDEN}/empty.txt 2
               explain ${SNAPKEY_CLI_DATA}/article.yaml aurora@virgina-default)
snapkey_cli_error(cli_unknown_recovery_point
                  "^tests/data/cli/article.yaml: error E_UNKNOWN_RECOVERY_POINT: no recovery point 'aurora@virgina-default' \\(did you mean 'aurora@virginia-default'\\?\\); the scenario makes: "
                  explain ${SNAPKEY_CLI_DATA}/article.yaml aurora@virgina-default)

# --- Issue 3: any mix of inputs, and snapkey verify --------------------------------------------
set(SNAPKEY_MIXED_DATA tests/data/mixed)
set(SNAPKEY_VERIFY_DATA tests/data/verify)

# A saved AWS CLI export (the existing clusters and keys) and a scenario (the new vaults and plan)
# make one model. The same clusters described as a scenario give the same bytes, and so do all
# three inputs together (the clusters and keys described twice merge).
snapkey_golden(golden_predict_mixed ${SNAPKEY_GOLDEN}/predict-mixed.txt 0
               predict ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/design.yaml)
snapkey_golden(golden_predict_mixed_scenarios ${SNAPKEY_GOLDEN}/predict-mixed.txt 0
               predict ${SNAPKEY_MIXED_DATA}/clusters.yaml ${SNAPKEY_MIXED_DATA}/design.yaml)
snapkey_golden(golden_predict_mixed_merged ${SNAPKEY_GOLDEN}/predict-mixed.txt 0
               predict ${SNAPKEY_MIXED_DATA}/design.yaml ${SNAPKEY_MIXED_DATA}/export
               ${SNAPKEY_MIXED_DATA}/clusters.yaml)
# explain INPUT... RECOVERY-POINT: the last positional is the recovery point.
snapkey_golden(golden_explain_mixed ${SNAPKEY_GOLDEN}/explain-mixed.txt 0
               explain ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/design.yaml orders@dr)
snapkey_golden(golden_unknown_recovery_point_mixed ${SNAPKEY_GOLDEN}/empty.txt 2
               explain ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/design.yaml orders@d)
snapkey_cli_error(cli_unknown_recovery_point_mixed
                  "^error E_UNKNOWN_RECOVERY_POINT: no recovery point 'orders@d' \\(did you mean 'orders@dr'\\?\\); the inputs make: inventory@primary, inventory@dr, orders@primary, orders@dr\n$"
                  explain ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/design.yaml orders@d)
# The same cluster with two different keys in two inputs: an error naming both places.
snapkey_golden(golden_mixed_conflict ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/conflict.yaml)
snapkey_cli_error(cli_mixed_conflict
                  "^tests/data/mixed/export/111111111111/ap-northeast-1/rds/describe-db-clusters.json#/DBClusters/1: error E_CONFLICT: resource arn:aws:rds:ap-northeast-1:111111111111:cluster:orders is described twice, inconsistently: key is 'other-key' at tests/data/mixed/conflict.yaml:8:3 but 'arn:aws:kms:ap-northeast-1:111111111111:key/5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c' at tests/data/mixed/export/111111111111/ap-northeast-1/rds/describe-db-clusters.json#/DBClusters/1\n$"
                  predict ${SNAPKEY_MIXED_DATA}/export ${SNAPKEY_MIXED_DATA}/conflict.yaml)
# A file that is neither a scenario, a template, a plan nor AWS CLI output.
snapkey_golden(golden_input_kind ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/bad-list.yaml)
snapkey_cli_error(cli_input_kind
                  "^tests/data/cli/bad-list.yaml:1:1: error E_INPUT_KIND: expected a scenario or a CloudFormation template \\(a YAML map\\), found a list\n$"
                  predict ${SNAPKEY_CLI_DATA}/bad-list.yaml)

# verify: every copy job and recovery point agrees (or has not finished): exit 0.
snapkey_golden(golden_verify_agree ${SNAPKEY_GOLDEN}/verify-agree.txt 0
               verify ${SNAPKEY_VERIFY_DATA}/estate.yaml ${SNAPKEY_VERIFY_DATA}/agree)
snapkey_golden(golden_verify_agree_markdown ${SNAPKEY_GOLDEN}/verify-agree.md 0
               verify ${SNAPKEY_VERIFY_DATA}/estate.yaml ${SNAPKEY_VERIFY_DATA}/agree
               --format markdown)
# A planted disagreement (the copy into dr reports aws/rds, not dr-key): exit 1, report on stdout.
snapkey_golden(golden_verify_disagree ${SNAPKEY_GOLDEN}/verify-disagree.txt 1
               verify ${SNAPKEY_VERIFY_DATA}/estate.yaml ${SNAPKEY_VERIFY_DATA}/disagree)
snapkey_golden(golden_verify_disagree_json ${SNAPKEY_GOLDEN}/verify-disagree.json 1
               verify --format json ${SNAPKEY_VERIFY_DATA}/estate.yaml
               ${SNAPKEY_VERIFY_DATA}/disagree)
# No observations at all: nothing to verify, exit 0.
snapkey_golden(golden_verify_nothing ${SNAPKEY_GOLDEN}/verify-nothing.txt 0
               verify ${SNAPKEY_CLI_DATA}/article.yaml)
add_test(NAME cli_help_verify COMMAND snapkey_cli --help)
set_tests_properties(cli_help_verify PROPERTIES PASS_REGULAR_EXPRESSION
                     "predict.*explain.*verify.*rules")

# The CloudFormation options: malformed values are usage errors (exit 2, a clear message).
snapkey_golden(golden_usage_bad_stack ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml)
snapkey_cli_error(cli_usage_bad_stack
                  "--stack: expected FILE=REGION or FILE=REGION:ACCOUNT, found 'tokyo.yaml'"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml)
snapkey_golden(golden_usage_bad_stack_region ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml=ap-northeast-9)
snapkey_cli_error(cli_usage_bad_stack_region "--stack: expected an AWS Region"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml=ap-northeast-9)
snapkey_golden(golden_usage_bad_stack_account ${SNAPKEY_GOLDEN}/empty.txt 2
               verify ${SNAPKEY_CLI_DATA}/article.yaml --stack t.yaml=us-east-1:1234)
snapkey_cli_error(cli_usage_bad_stack_account "--stack: expected a 12-digit account id, found '1234'"
                  verify ${SNAPKEY_CLI_DATA}/article.yaml --stack t.yaml=us-east-1:1234)
snapkey_golden(golden_usage_bad_parameter ${SNAPKEY_GOLDEN}/empty.txt 2
               explain ${SNAPKEY_CLI_DATA}/article.yaml orders@central --parameter Env)
snapkey_cli_error(cli_usage_bad_parameter "--parameter: expected NAME=VALUE, found 'Env'"
                  explain ${SNAPKEY_CLI_DATA}/article.yaml orders@central --parameter Env)
snapkey_golden(golden_usage_bad_region ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --region us-est-1)
snapkey_cli_error(cli_usage_bad_region "--region: expected an AWS Region such as us-east-1, found 'us-est-1'; did you mean 'us-east-1'\\?"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --region us-est-1)
snapkey_golden(golden_usage_bad_account ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --account 11111111111x)
snapkey_cli_error(cli_usage_bad_account "--account: expected a 12-digit account id"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --account 11111111111x)
snapkey_golden(golden_usage_parameter_twice ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --parameter Env=prod --parameter Env=dev)
snapkey_cli_error(cli_usage_parameter_twice
                  "^error E_USAGE: --parameter gives 'Env' twice; give each parameter once\n$"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --parameter Env=prod --parameter Env=dev)
snapkey_golden(golden_stack_without_templates ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml=ap-northeast-1)
snapkey_cli_error(cli_stack_without_templates
                  "^tokyo.yaml: error E_CFN_REGION: --stack tokyo.yaml=ap-northeast-1 names no template read \\(templates: none\\)\n$"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --stack tokyo.yaml=ap-northeast-1)
snapkey_golden(golden_usage_stack_twice ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --stack a.yaml=us-east-1
               --stack a.yaml=eu-west-1)
snapkey_cli_error(cli_usage_stack_twice
                  "^error E_USAGE: --stack gives 'a.yaml' twice; give each template once\n$"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --stack a.yaml=us-east-1
                  --stack a.yaml=eu-west-1)

# --- Issue 4: snapkey check and snapkey checks -------------------------------------------------
# Every run passes --today: it decides which suppressions have expired, and the clock must not.
set(SNAPKEY_CHECK_DATA tests/data/check)
set(SNAPKEY_ARTICLE_1 examples/article/1-mrk-default-vault.yaml)

# The example of docs/check-output.md (report_test.cpp checks that the two agree).
snapkey_golden(golden_check_minimal_json ${SNAPKEY_GOLDEN}/check-minimal.json 1
               check ${SNAPKEY_CLI_DATA}/minimal.yaml --format json --today 2026-03-01)

# A policy with one active, one expired and one unused suppression, in every format: the expired
# one no longer silences the aws/rds error (exit 1) and is itself a warning.
foreach(format text json markdown junit)
  set(extension ${format})
  if(format STREQUAL "text")
    set(extension txt)
  elseif(format STREQUAL "markdown")
    set(extension md)
  elseif(format STREQUAL "junit")
    set(extension junit.xml)
  endif()
  snapkey_golden(golden_check_suppressions_${format}
                 ${SNAPKEY_GOLDEN}/check-suppressions.${extension} 1
                 check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/suppressions.yaml
                 --today 2026-03-01 --format ${format})
endforeach()
# The same policy a year later: the active suppression has expired too.
snapkey_golden(golden_check_suppressions_later ${SNAPKEY_GOLDEN}/check-suppressions-2027.txt 1
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/suppressions.yaml
               --today 2027-03-01)

# --fail-on: with the error accepted, warnings are left: exit 0 by default, 1 at warning or info;
# never: exit 0 whatever is found, with the same report.
snapkey_golden(golden_check_fail_on_default ${SNAPKEY_GOLDEN}/check-accepted.txt 0
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/accept-aws-rds.yaml
               --today 2026-03-01)
snapkey_golden(golden_check_fail_on_warning ${SNAPKEY_GOLDEN}/check-accepted.txt 1
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/accept-aws-rds.yaml
               --today 2026-03-01 --fail-on warning)
snapkey_golden(golden_check_fail_on_info ${SNAPKEY_GOLDEN}/check-accepted.txt 1
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/accept-aws-rds.yaml
               --today 2026-03-01 --fail-on info)
snapkey_golden(golden_check_fail_on_never
               ${PROJECT_SOURCE_DIR}/examples/article/expected/1-mrk-default-vault.check.txt 0
               check ${SNAPKEY_ARTICLE_1} --today 2026-03-01 --fail-on never)

# checks. docs/checks.md is itself a golden file: SNAPKEY_UPDATE_GOLDEN=1 regenerates it too.
snapkey_golden(golden_checks_table ${SNAPKEY_GOLDEN}/checks.txt 0 checks)
snapkey_golden(golden_checks_markdown ${PROJECT_SOURCE_DIR}/docs/checks.md 0
               checks --format markdown)
snapkey_golden(golden_checks_json ${SNAPKEY_GOLDEN}/checks.json 0 checks --format json)
add_test(NAME cli_help_check COMMAND snapkey_cli --help)
set_tests_properties(cli_help_check PROPERTIES PASS_REGULAR_EXPRESSION
                     "verify.*rules.*check.*checks")
add_test(NAME cli_help_check_today COMMAND snapkey_cli check --help)
set_tests_properties(cli_help_check_today PROPERTIES PASS_REGULAR_EXPRESSION
                     "--today YYYY-MM-DD.*system clock, the only use of the clock in snapkey")

# Usage and input errors of check: exit 2, nothing on standard output, the whole message.
snapkey_golden(golden_check_bad_format ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_ARTICLE_1} --format xml)
snapkey_cli_error(cli_check_bad_format "--format: xml not in {text,json,sarif,junit,markdown,html}"
                  check ${SNAPKEY_ARTICLE_1} --format xml)
snapkey_golden(golden_checks_bad_format ${SNAPKEY_GOLDEN}/empty.txt 2 checks --format sarif)
snapkey_cli_error(cli_checks_bad_format "--format: sarif not in {table,markdown,json}"
                  checks --format sarif)
snapkey_golden(golden_check_bad_fail_on ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_ARTICLE_1} --fail-on fatal)
snapkey_cli_error(cli_check_bad_fail_on "--fail-on: fatal not in {error,warning,info,never}"
                  check ${SNAPKEY_ARTICLE_1} --fail-on fatal)
snapkey_golden(golden_check_bad_today ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_ARTICLE_1} --today 2026-02-30)
snapkey_cli_error(cli_check_bad_today
                  "^error E_DATE: --today: expected a date YYYY-MM-DD, found '2026-02-30'\n$"
                  check ${SNAPKEY_ARTICLE_1} --today 2026-02-30)
snapkey_golden(golden_check_missing_policy ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/no-such-policy.yaml
               --today 2026-03-01)
snapkey_cli_error(cli_check_missing_policy
                  "^tests/data/check/no-such-policy.yaml: error E_FILE: cannot read 'tests/data/check/no-such-policy.yaml': No such file or directory\n$"
                  check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/no-such-policy.yaml
                  --today 2026-03-01)
snapkey_golden(golden_check_bad_policy ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/bad-policy.yaml
               --today 2026-03-01)
snapkey_cli_error(cli_check_bad_policy
                  "^tests/data/check/bad-policy.yaml:3:3: error E_POLICY_KEY: unknown key 'copy_region' in 'require'; did you mean 'copy_regions'\\?\n$"
                  check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/bad-policy.yaml
                  --today 2026-03-01)
# A bad input is still exit 2 under check, whatever --fail-on says.
snapkey_golden(golden_check_bad_input ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml --fail-on never --today 2026-03-01)
snapkey_cli_error(cli_check_bad_input
                  "^tests/data/cli/bad-unknown-key.yaml:6:5: error E_SCENARIO_KEY: unknown key 'alais' in key 'app-key'; did you mean 'alias'\\?\n$"
                  check ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml --fail-on never --today 2026-03-01)

# Aurora's default encryption (R39): a Terraform plan creates a cluster with no kms_key_id. From
# 2026-02-18 it is on the AWS owned key, before that it is unencrypted; check raises no false
# UNENCRYPTED alarm on the first.
set(SNAPKEY_NEW_AURORA tests/data/terraform/new-aurora-no-key.json)
snapkey_golden(golden_predict_new_aurora_2026_12 ${SNAPKEY_GOLDEN}/predict-new-aurora-2026-12-01.txt 0
               predict ${SNAPKEY_NEW_AURORA} --as-of 2026-12-01)
snapkey_golden(golden_predict_new_aurora_2026_01 ${SNAPKEY_GOLDEN}/predict-new-aurora-2026-01-01.txt 0
               predict ${SNAPKEY_NEW_AURORA} --as-of 2026-01-01)
snapkey_golden(golden_check_new_aurora_2026_12 ${SNAPKEY_GOLDEN}/check-new-aurora-2026-12-01.txt 0
               check ${SNAPKEY_NEW_AURORA} --as-of 2026-12-01 --today 2026-12-02)
snapkey_golden(golden_check_new_aurora_2026_01 ${SNAPKEY_GOLDEN}/check-new-aurora-2026-01-01.txt 1
               check ${SNAPKEY_NEW_AURORA} --as-of 2026-01-01 --today 2026-12-02)
snapkey_golden(golden_explain_new_aurora ${SNAPKEY_GOLDEN}/explain-new-aurora.txt 0
               explain ${SNAPKEY_NEW_AURORA} orders@primary --as-of 2026-12-01)

# --- Issue 9, item 4: where a plan is deployed --------------------------------------------------
# A new estate's plan: its provider configures no region (AWS_REGION gives it) and no
# data.aws_caller_identity says the account. --region and --account place it; --terraform-plan
# places one plan, overriding them; without either it cannot be read.
set(SNAPKEY_NEW_ESTATE tests/data/terraform/new-estate-no-place.json)
snapkey_golden(golden_predict_new_estate ${SNAPKEY_GOLDEN}/predict-new-estate.txt 0
               predict ${SNAPKEY_NEW_ESTATE} --region eu-west-1 --account 444455556666
               --as-of 2026-12-01)
snapkey_golden(golden_predict_new_estate_per_plan ${SNAPKEY_GOLDEN}/predict-new-estate.txt 0
               predict ${SNAPKEY_NEW_ESTATE} --region us-east-1 --as-of 2026-12-01
               --terraform-plan new-estate-no-place.json=eu-west-1:444455556666)
snapkey_golden(golden_new_estate_unplaced ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_NEW_ESTATE})
snapkey_cli_error(cli_new_estate_unplaced
                  "error E_TERRAFORM_UNRESOLVED: cannot tell the Region of provider configuration 'aws', which aws_backup_plan.daily uses: it has no region argument; give the provider a region \\(a constant or a variable\\), read data.aws_region with it, or give --region\n$"
                  predict ${SNAPKEY_NEW_ESTATE})
snapkey_golden(golden_new_estate_no_account ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_NEW_ESTATE} --region eu-west-1)
snapkey_cli_error(cli_new_estate_no_account "or give --account\n$"
                  predict ${SNAPKEY_NEW_ESTATE} --region eu-west-1)
# An option that applies to no input is a usage error, never ignored.
snapkey_golden(golden_usage_region_no_input ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_CLI_DATA}/article.yaml --region us-east-1)
snapkey_cli_error(cli_usage_region_no_input
                  "^error E_USAGE: --region us-east-1 applies only to CloudFormation templates and Terraform plans, and the inputs hold none: leave it out, or add the input it is meant for\n$"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --region us-east-1)
snapkey_golden(golden_usage_parameter_no_template ${SNAPKEY_GOLDEN}/empty.txt 2
               check ${SNAPKEY_NEW_ESTATE} --region eu-west-1 --account 444455556666
               --parameter Env=prod --today 2026-12-02)
snapkey_cli_error(cli_usage_parameter_no_template
                  "^error E_USAGE: --parameter Env=prod applies only to CloudFormation templates, and the inputs hold none"
                  check ${SNAPKEY_NEW_ESTATE} --region eu-west-1 --account 444455556666
                  --parameter Env=prod --today 2026-12-02)
snapkey_golden(golden_usage_terraform_plan_unmatched ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_NEW_ESTATE} --terraform-plan plan.json=eu-west-1:444455556666)
snapkey_cli_error(cli_usage_terraform_plan_unmatched
                  "^plan.json: error E_USAGE: --terraform-plan plan.json=eu-west-1:444455556666 names no plan read \\(plans: tests/data/terraform/new-estate-no-place.json\\)\n$"
                  predict ${SNAPKEY_NEW_ESTATE} --terraform-plan plan.json=eu-west-1:444455556666)
snapkey_golden(golden_usage_terraform_plan_twice ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_NEW_ESTATE} --terraform-plan a.json=us-east-1
               --terraform-plan a.json=eu-west-1)
snapkey_cli_error(cli_usage_terraform_plan_twice
                  "^error E_USAGE: --terraform-plan gives 'a.json' twice; give each plan once\n$"
                  predict ${SNAPKEY_NEW_ESTATE} --terraform-plan a.json=us-east-1
                  --terraform-plan a.json=eu-west-1)
snapkey_golden(golden_usage_bad_terraform_plan ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_NEW_ESTATE} --terraform-plan plan.json=eu-wst-1)
snapkey_cli_error(cli_usage_bad_terraform_plan "--terraform-plan: expected an AWS Region"
                  predict ${SNAPKEY_NEW_ESTATE} --terraform-plan plan.json=eu-wst-1)

# --- Issue 9, items 2, 5 and 6: a template as cdk synth writes it --------------------------------
# No identifiers or vault name (CloudFormation generates them: the ARNs show <LogicalId>), a read
# replica that takes its source's key, and a tag selection whose value is a parameter without a
# value: the replica it may assign is indeterminate, not "backed up by no plan".
set(SNAPKEY_UNNAMED tests/data/cloudformation/Unnamed.template.json)
snapkey_golden(golden_predict_unnamed ${SNAPKEY_GOLDEN}/predict-unnamed.json 0
               predict ${SNAPKEY_UNNAMED} --region eu-west-1 --account 444455556666
               --as-of 2026-12-01 --format json)
snapkey_golden(golden_check_unnamed ${SNAPKEY_GOLDEN}/check-unnamed.txt 0
               check ${SNAPKEY_UNNAMED} --region eu-west-1 --account 444455556666
               --as-of 2026-12-01 --today 2026-12-02)
snapkey_golden(golden_predict_unnamed_tier ${SNAPKEY_GOLDEN}/predict-unnamed-silver.txt 0
               predict ${SNAPKEY_UNNAMED} --region eu-west-1 --account 444455556666
               --as-of 2026-12-01 --parameter BackupTier=silver)
snapkey_golden(golden_usage_unnamed_parameter ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_UNNAMED} --region eu-west-1 --account 444455556666
               --parameter Tier=silver)
snapkey_cli_error(cli_usage_unnamed_parameter
                  "^error E_USAGE: --parameter Tier=silver names no parameter of the templates read \\(parameters: BackupTier\\)\n$"
                  predict ${SNAPKEY_UNNAMED} --region eu-west-1 --account 444455556666
                  --parameter Tier=silver)

# --- Issue 9, items 8 and 9: directories with other files; every bad file at once ---------------
set(SNAPKEY_INPUTS_EXPORT tests/data/inputs-export)
set(SNAPKEY_INPUTS_BAD tests/data/inputs-bad)

# A saved export with a notes.json, an unrelated describe-instances.json, a YAML list and a
# README.md: the same predictions as the export alone (predict-mixed.txt), the files of unknown
# kind named in a notice on standard error, and, in JSON output, in an added "skipped" field.
snapkey_golden(golden_predict_skipped ${SNAPKEY_GOLDEN}/predict-mixed.txt 0
               predict ${SNAPKEY_INPUTS_EXPORT}/export ${SNAPKEY_INPUTS_EXPORT}/design.yaml)
snapkey_cli_error(cli_predict_skipped
                  "^tests/data/inputs-export/export/111111111111/ap-northeast-1/ec2/describe-instances.json: notice: skipped, of no kind snapkey reads: expected a Terraform plan, a CloudFormation template or the output of an AWS CLI command snapkey reads, found an object whose top-level keys are Reservations, NextToken\ntests/data/inputs-export/export/accounts.yaml: notice: skipped, of no kind snapkey reads: expected a scenario or a CloudFormation template \\(a YAML map\\), found a list\ntests/data/inputs-export/export/notes.json: notice: skipped, of no kind snapkey reads: expected a Terraform plan, a CloudFormation template or the output of an AWS CLI command snapkey reads, found an object whose top-level keys are owner, exported_by, ticket\n"
                  predict ${SNAPKEY_INPUTS_EXPORT}/export ${SNAPKEY_INPUTS_EXPORT}/design.yaml)
snapkey_golden(golden_predict_skipped_json ${SNAPKEY_GOLDEN}/predict-skipped.json 0
               predict ${SNAPKEY_INPUTS_EXPORT}/export ${SNAPKEY_INPUTS_EXPORT}/design.yaml
               --format json)
snapkey_golden(golden_check_skipped_json ${SNAPKEY_GOLDEN}/check-skipped.json 0
               check ${SNAPKEY_INPUTS_EXPORT}/export ${SNAPKEY_INPUTS_EXPORT}/design.yaml
               --format json --fail-on never --today 2026-12-02)
snapkey_golden(golden_verify_skipped_json ${SNAPKEY_GOLDEN}/verify-skipped.json 0
               verify ${SNAPKEY_INPUTS_EXPORT}/export ${SNAPKEY_INPUTS_EXPORT}/design.yaml
               --format json)
# Named on the command line, a file of unknown kind is still an error.
snapkey_golden(golden_named_unknown_kind ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_INPUTS_EXPORT}/export/notes.json)
snapkey_cli_error(cli_named_unknown_kind
                  "^tests/data/inputs-export/export/notes.json#/: error E_AWS_CLI_KIND: tests/data/inputs-export/export/notes.json is not the output of an AWS CLI command snapkey reads \\(expected top-level keys such as DBClusters, KeyMetadata, Aliases, BackupVaultList or BackupPlan\\); its top-level keys are owner, exported_by, ticket\n$"
                  predict ${SNAPKEY_INPUTS_EXPORT}/export/notes.json)

# Three bad files (a truncated list-aliases.json, a describe-key output with a bad value, a
# scenario with an unknown key) and a notes.json: every error, each with its place, exit 2.
snapkey_golden(golden_every_bad_file ${SNAPKEY_GOLDEN}/empty.txt 2
               predict ${SNAPKEY_INPUTS_BAD}/export ${SNAPKEY_INPUTS_BAD}/design.yaml)
snapkey_cli_error(cli_every_bad_file
                  "^tests/data/inputs-bad/export/notes.json: notice: skipped, [^\n]*\ntests/data/inputs-bad/export/111111111111/ap-northeast-1/kms/list-aliases.json: error E_JSON: [^\n]*\ntests/data/inputs-bad/design.yaml:11:5: error E_SCENARIO_KEY: unknown key 'kye' [^\n]*\ntests/data/inputs-bad/export/111111111111/ap-northeast-1/kms/describe-key/5b1e7c2a-3d4f-4e6a-8b9c-0d1e2f3a4b5c.json#/KeyMetadata/MultiRegion: error E_JSON_TYPE: [^\n]*\n$"
                  predict ${SNAPKEY_INPUTS_BAD}/export ${SNAPKEY_INPUTS_BAD}/design.yaml)
# 22 bad files: the first 20, then a count of the rest.
snapkey_golden(golden_many_bad_files ${SNAPKEY_GOLDEN}/empty.txt 2
               check tests/data/inputs-many --today 2026-12-02)
snapkey_cli_error(cli_many_bad_files
                  "^tests/data/inputs-many/cluster-01.json: error E_JSON: [^\n]*\n(tests/data/inputs-many/cluster-[01][0-9].json: error E_JSON: [^\n]*\n)+tests/data/inputs-many/cluster-20.json: error E_JSON: [^\n]*\n\\.\\.\\. and 2 more errors\n$"
                  check tests/data/inputs-many --today 2026-12-02)

# Terraform source: malformed HCL is bad input (exit 2), at file:line:column with what was
# expected; --var reaches the root module's variables.
snapkey_golden(golden_bad_hcl ${SNAPKEY_GOLDEN}/empty.txt 2 predict ${SNAPKEY_CLI_DATA}/bad-hcl)
snapkey_cli_error(cli_bad_hcl
                  "^tests/data/cli/bad-hcl/main.tf:2:9: error E_HCL_SYNTAX: expected a value after 'name =', found '}'\n$"
                  predict ${SNAPKEY_CLI_DATA}/bad-hcl)
snapkey_cli_error(cli_var_without_source
                  "--var primary_region=us-east-1 applies only to Terraform configuration directories"
                  predict --var primary_region=us-east-1 ${SNAPKEY_CLI_DATA}/article.yaml)

# `# snapkey:ignore` in Terraform source: one suppression in force, one expired, as a policy
# file's would be (SUPPRESSED, EXPIRED_SUPPRESSION, and the suppression in SARIF).
snapkey_golden(golden_tf_suppressed ${SNAPKEY_GOLDEN}/tf-suppressed.txt 1
               check --today 2026-12-03 ${SNAPKEY_CLI_DATA}/tf-suppressed)
snapkey_golden(golden_tf_suppressed_sarif ${SNAPKEY_GOLDEN}/tf-suppressed.sarif 1
               check --today 2026-12-03 --format sarif ${SNAPKEY_CLI_DATA}/tf-suppressed)

# Metadata.snapkey.ignore on CloudFormation resources (CDK's addMetadata): the same two cases.
snapkey_golden(golden_cfn_suppressed ${SNAPKEY_GOLDEN}/cfn-suppressed.txt 1
               check --today 2026-12-03 --region eu-west-1 --account 111111111111
               ${SNAPKEY_CLI_DATA}/cfn-suppressed/stack.yaml)
snapkey_golden(golden_cfn_suppressed_sarif ${SNAPKEY_GOLDEN}/cfn-suppressed.sarif 1
               check --today 2026-12-03 --format sarif --region eu-west-1 --account 111111111111
               ${SNAPKEY_CLI_DATA}/cfn-suppressed/stack.yaml)

# A plan scanned with the configuration it was made from (--terraform-source): its findings at
# the .tf lines, in SARIF too (the estate's plan and source describe the same resources).
snapkey_golden(golden_tf_plan_at_source_sarif ${SNAPKEY_GOLDEN}/tf-plan-at-source.sarif 1
               check --format sarif tests/data/estate/terraform/plan.json
               --terraform-source tests/data/estate/terraform-source)
snapkey_cli_error(cli_terraform_source_without_plan
                  "--terraform-source tests/data/estate/terraform-source applies only to Terraform plans"
                  predict --terraform-source tests/data/estate/terraform-source
                  ${SNAPKEY_CLI_DATA}/article.yaml)

# graph: the article's first experiment (the aws/backup -> aws/rds fallback) and the CLI
# scenario with its failing cross-account copy, native copy and restore.
snapkey_golden(golden_graph_article_dot ${SNAPKEY_GOLDEN}/graph-article.dot 0
               graph examples/article/1-mrk-default-vault.yaml)
snapkey_golden(golden_graph_article_mermaid ${SNAPKEY_GOLDEN}/graph-article.mmd 0
               graph examples/article/1-mrk-default-vault.yaml --format mermaid)
snapkey_golden(golden_graph_dot ${SNAPKEY_GOLDEN}/graph.dot 0
               graph ${SNAPKEY_CLI_DATA}/article.yaml --format dot)
snapkey_golden(golden_graph_mermaid ${SNAPKEY_GOLDEN}/graph.mmd 0
               graph ${SNAPKEY_CLI_DATA}/article.yaml --format mermaid)
# Determinism: the shuffled twin draws the same diagram.
snapkey_golden(golden_graph_dot_shuffled ${SNAPKEY_GOLDEN}/graph.dot 0
               graph ${SNAPKEY_CLI_DATA}/article-shuffled.yaml)
# --format svg without Graphviz: a usage error that says what to install.
add_test(NAME cli_graph_svg_without_graphviz
         COMMAND ${CMAKE_COMMAND} -E env PATH=${CMAKE_CURRENT_BINARY_DIR}/no-graphviz
                 $<TARGET_FILE:snapkey_cli> graph --format svg ${SNAPKEY_CLI_DATA}/article.yaml
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli_graph_svg_without_graphviz PROPERTIES PASS_REGULAR_EXPRESSION
  "^error E_GRAPHVIZ: --format svg needs Graphviz's dot on PATH, and there is none \\(Debian: apt-get install graphviz\\); --format dot and --format mermaid need nothing\n$")
add_test(NAME golden_graph_svg_without_graphviz
         COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:snapkey_cli>
                 "-DARGS=graph;--format;svg;${SNAPKEY_CLI_DATA}/article.yaml"
                 -DEXPECTED=${SNAPKEY_GOLDEN}/empty.txt -DEXIT_CODE=2 -DWORKDIR=${PROJECT_SOURCE_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.cmake)
set_tests_properties(golden_graph_svg_without_graphviz PROPERTIES
                     ENVIRONMENT "PATH=${CMAKE_CURRENT_BINARY_DIR}/no-graphviz")
# With Graphviz (scripts/install-deps.sh installs it): the README's diagram is the article's
# SVG, byte for byte, so the picture cannot drift from the predictions.
find_program(SNAPKEY_DOT NAMES dot)
if(SNAPKEY_DOT)
  snapkey_golden(golden_graph_article_svg ${PROJECT_SOURCE_DIR}/docs/images/article-fallback.svg 0
                 graph examples/article/1-mrk-default-vault.yaml --format svg)
endif()

# check --format html: one self-contained page, the diagram inline when Graphviz draws it, a
# note instead without it. tests/html/ renders it in headless Chromium.
add_test(NAME golden_check_html_without_graphviz
         COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:snapkey_cli>
                 "-DARGS=check;examples/article/1-mrk-default-vault.yaml;--format;html;--today;2026-03-01"
                 -DEXPECTED=${SNAPKEY_GOLDEN}/check-article-no-diagram.html -DEXIT_CODE=1
                 -DWORKDIR=${PROJECT_SOURCE_DIR} -P ${CMAKE_CURRENT_SOURCE_DIR}/run_golden.cmake)
set_tests_properties(golden_check_html_without_graphviz PROPERTIES
                     ENVIRONMENT "PATH=${CMAKE_CURRENT_BINARY_DIR}/no-graphviz")
if(SNAPKEY_DOT)
  snapkey_golden(golden_check_html ${SNAPKEY_GOLDEN}/check-article.html 1
                 check examples/article/1-mrk-default-vault.yaml --format html --today 2026-03-01)
  snapkey_golden(golden_check_suppressions_html ${SNAPKEY_GOLDEN}/check-suppressions.html 1
                 check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/suppressions.yaml
                 --today 2026-03-01 --format html)
endif()

# --- Issue 12: snapkey export-scenario ----------------------------------------------------------
# What was read, as one scenario file: a saved AWS CLI export (two accounts, three Regions, backup
# selections, observed copy jobs) and a Terraform plan (keys not created yet, an unknown vault key,
# addresses). Each export predicts what its inputs predict: the examples' own expected JSON.
snapkey_golden(golden_export_aws_cli ${SNAPKEY_GOLDEN}/export-aws-cli.yaml 0
               export-scenario examples/aws-cli/export)
snapkey_golden(golden_export_aws_cli_predicts
               ${PROJECT_SOURCE_DIR}/examples/aws-cli/expected/predict.json 0
               predict --format json tests/golden/export-aws-cli.yaml)
snapkey_golden(golden_export_terraform_plan ${SNAPKEY_GOLDEN}/export-terraform-plan.yaml 0
               export-scenario examples/terraform/plan.json)
snapkey_golden(golden_export_terraform_plan_predicts
               ${PROJECT_SOURCE_DIR}/examples/terraform/expected/predict.json 0
               predict --format json tests/golden/export-terraform-plan.yaml)
# Two CloudFormation templates placed with --account and --stack: the values their functions and
# conditions take, their logical ids as addresses.
snapkey_golden(golden_export_cloudformation ${SNAPKEY_GOLDEN}/export-cloudformation.yaml 0
               export-scenario --account 123456789012
               --stack examples/cloudformation/ireland.yaml=eu-west-1
               --stack examples/cloudformation/frankfurt.json=eu-central-1
               examples/cloudformation/ireland.yaml examples/cloudformation/frankfurt.json)
snapkey_golden(golden_export_cloudformation_predicts
               ${PROJECT_SOURCE_DIR}/examples/cloudformation/expected/predict.json 0
               predict --format json tests/golden/export-cloudformation.yaml)
# Bad input: exit code 2, nothing on standard output, the error on standard error.
snapkey_golden(golden_export_bad_input ${SNAPKEY_GOLDEN}/empty.txt 2
               export-scenario ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml)
snapkey_cli_error(cli_export_bad_input
                  "^tests/data/cli/bad-unknown-key.yaml:6:5: error E_SCENARIO_KEY: unknown key 'alais' in key 'app-key'; did you mean 'alias'\\?\n$"
                  export-scenario ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml)
# No input, or --as-of (the export writes the inputs' own as_of): usage errors.
snapkey_golden(golden_export_usage ${SNAPKEY_GOLDEN}/empty.txt 2 export-scenario)
snapkey_golden(golden_export_usage_as_of ${SNAPKEY_GOLDEN}/empty.txt 2
               export-scenario ${SNAPKEY_CLI_DATA}/minimal.yaml --as-of 2025-06-01)

# Output safety: names that carry terminal escape sequences are printed escaped, on standard
# output (the table) as on standard error (an error that names one); JSON escapes them itself.
snapkey_golden(golden_control_characters_table ${SNAPKEY_GOLDEN}/control-characters.txt 0
               predict ${SNAPKEY_CLI_DATA}/control-characters.yaml)
snapkey_golden(golden_control_characters_json ${SNAPKEY_GOLDEN}/control-characters.json 0
               predict ${SNAPKEY_CLI_DATA}/control-characters.yaml --format json)
snapkey_cli_error(cli_control_characters_error
                  "^tests/data/cli/bad-control-characters.yaml:4:3: error E_KEY_REF: resource 'db' names key 'gone\\\\x1b\\[2J', which is not defined in 111111111111 us-east-1\n$"
                  predict ${SNAPKEY_CLI_DATA}/bad-control-characters.yaml)

# --output FILE: the same bytes as standard output, written whole; an existing file is replaced;
# a run that fails leaves it as it was; a file that is an input is refused.
function(snapkey_output name expected exit_code before)
  cmake_parse_arguments(PARSE_ARGV 4 OUT "" "STDERR" "")
  set(output ${CMAKE_CURRENT_BINARY_DIR}/output/${name}.out)
  file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/output)
  add_test(NAME ${name}
    COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:snapkey_cli> "-DARGS=${OUT_UNPARSED_ARGUMENTS}"
            -DOUTPUT=${output} -DEXPECTED=${expected} -DEXIT_CODE=${exit_code} -DBEFORE=${before}
            "-DSTDERR=${OUT_STDERR}" -DWORKDIR=${PROJECT_SOURCE_DIR}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/output_file.cmake)
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "NO_COLOR=1")
endfunction()
snapkey_output(output_predict ${SNAPKEY_GOLDEN}/predict-table.txt 0 OFF
               predict ${SNAPKEY_CLI_DATA}/article.yaml)
snapkey_output(output_replaces ${SNAPKEY_GOLDEN}/predict.json 0 ON
               predict ${SNAPKEY_CLI_DATA}/article.yaml --format json)
snapkey_output(output_check_findings ${SNAPKEY_GOLDEN}/check-suppressions.txt 1 ON
               check ${SNAPKEY_ARTICLE_1} --policy ${SNAPKEY_CHECK_DATA}/suppressions.yaml
               --today 2026-03-01)
snapkey_output(output_kept_on_error unchanged 2 ON predict ${SNAPKEY_CLI_DATA}/bad-unknown-key.yaml
               STDERR "error E_SCENARIO_KEY")
snapkey_cli_error(cli_output_missing_directory
                  "^error E_OUTPUT_FILE: cannot write --output 'no-such-dir/x.txt': No such file or directory\n$"
                  predict ${SNAPKEY_CLI_DATA}/article.yaml --output no-such-dir/x.txt)
# The input named as --output, by another path: refused before anything is read or written (a
# copy, so that a regression cannot overwrite the source tree's file).
configure_file(${PROJECT_SOURCE_DIR}/${SNAPKEY_CLI_DATA}/article.yaml
               ${CMAKE_CURRENT_BINARY_DIR}/output/input.yaml COPYONLY)
add_test(NAME cli_output_is_input
         COMMAND snapkey_cli predict output/input.yaml --output output/../output/input.yaml
         WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(cli_output_is_input PROPERTIES PASS_REGULAR_EXPRESSION
  "^error E_USAGE: --output 'output/../output/input.yaml' is the input 'output/input.yaml'; snapkey only reads its inputs\n$")

# Limits: a file above 256 MiB is refused before it is read (a sparse file costs no disk), a
# device that never ends as soon as it passes that size.
add_test(NAME cli_input_too_large
         COMMAND ${CMAKE_COMMAND} -DCOMMAND=$<TARGET_FILE:snapkey_cli>
                 -DFILE=${CMAKE_CURRENT_BINARY_DIR}/output/huge.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/input_too_large.cmake)
snapkey_cli_error(cli_input_too_large_device
                  "^/dev/zero: error E_INPUT_TOO_LARGE: '/dev/zero' is larger than 256 MiB, the most snapkey reads from one file; split it \\(an AWS CLI export can be a file per call\\)\n$"
                  predict /dev/zero)
# The policy file is an input too.
configure_file(${PROJECT_SOURCE_DIR}/${SNAPKEY_CHECK_DATA}/suppressions.yaml
               ${CMAKE_CURRENT_BINARY_DIR}/output/policy.yaml COPYONLY)
add_test(NAME cli_output_is_policy
         COMMAND snapkey_cli check ${PROJECT_SOURCE_DIR}/${SNAPKEY_ARTICLE_1} --policy output/policy.yaml
                 --output ./output/policy.yaml
         WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
set_tests_properties(cli_output_is_policy PROPERTIES PASS_REGULAR_EXPRESSION
  "^error E_USAGE: --output './output/policy.yaml' is the input 'output/policy.yaml'; snapkey only reads its inputs\n$")
