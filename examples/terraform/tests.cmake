# The Terraform example (examples/terraform/README.md) run as tests: `terraform show -json` of the
# plan in plan.json, its expected predictions and explanations checked in under expected/, so the
# walk-through cannot drift from what snapkey does. Included by examples/examples.cmake.
# Regenerate with SNAPKEY_UPDATE_GOLDEN=1 ctest -R example.terraform and read the diff.
set(SNAPKEY_TF_EXPECTED ${PROJECT_SOURCE_DIR}/examples/terraform/expected)

snapkey_golden(example.terraform.predict.table ${SNAPKEY_TF_EXPECTED}/predict.txt 0
               predict examples/terraform/plan.json)
snapkey_golden(example.terraform.predict.json ${SNAPKEY_TF_EXPECTED}/predict.json 0
               predict --format json examples/terraform/plan.json)
# A copy into a DR Region, keyed with the replica that modules/dr makes there.
snapkey_golden(example.terraform.explain.dr ${SNAPKEY_TF_EXPECTED}/explain-dr.txt 0
               explain examples/terraform/plan.json ledger@payments-dr-us-west-2)
# The audit vault's key comes from try(...) in a module output: not known, not guessed.
snapkey_golden(example.terraform.explain.audit ${SNAPKEY_TF_EXPECTED}/explain-audit.txt 0
               explain examples/terraform/plan.json ledger@payments-audit)

# The plan, checked: its findings point at the .tf lines of the configuration beside it, the
# lines of check-source.txt.
snapkey_golden(example.terraform.check ${SNAPKEY_TF_EXPECTED}/check.txt 0
               check examples/terraform/plan.json)

# The same configuration read from its .tf files, without the plan (plan.json is skipped: it lies
# in the configuration's directory): the same findings, at .tf lines (docs/terraform-input.md).
snapkey_golden(example.terraform.source.check ${SNAPKEY_TF_EXPECTED}/check-source.txt 0
               check examples/terraform/)
snapkey_golden(example.terraform.source.predict ${SNAPKEY_TF_EXPECTED}/predict-source.txt 0
               predict examples/terraform/)
