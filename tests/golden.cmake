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

# --version: the expected text follows project(VERSION), so it lives in the build tree.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/version.txt "snapkey ${PROJECT_VERSION}\n")
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
snapkey_cli_error(cli_usage_no_subcommand "A subcommand is required")
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
