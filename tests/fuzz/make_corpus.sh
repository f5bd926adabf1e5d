#!/usr/bin/env bash
# Writes the seed corpora, tests/fuzz/corpus/TARGET/seed-*, from the project's own examples/ and
# tests/data/ files, and the dictionaries, tests/fuzz/dict/TARGET.dict, from each syntax's tokens,
# ARNs and the string literals of each reader's sources (README.md, "Corpora and dictionaries").
# Both are checked in; run this again when those files change, from anywhere:
#   tests/fuzz/make_corpus.sh
# It rewrites only seed-* files: the regression inputs (regress-*) and what campaigns added stay.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$root/tests/fuzz/corpus
cd "$root"

# seed TARGET NAME FILE...: the files joined with NUL bytes (a target's file separator), as
# corpus/TARGET/seed-NAME. PREFIX, when set, goes first (the AWS CLI target's folder byte).
seed() {
  local target=$1 name=$2
  shift 2
  mkdir -p "$corpus/$target"
  {
    printf '%s' "${PREFIX:-}"
    local first=1
    for file in "$@"; do
      [[ $first == 1 ]] || printf '\0'
      first=0
      cat "$file"
    done
  } >"$corpus/$target/seed-$name"
}

for target in scenario policy aws_cli terraform_plan terraform_source terraform_json \
  cloudformation_json cloudformation_yaml engine; do
  rm -f "$corpus/$target"/seed-*
done

# Scenario YAML.
for file in examples/article/*.yaml examples/aws-2026/estate.yaml \
  examples/policy-tests/designs/orders.yaml tests/data/cli/article.yaml \
  tests/data/cli/article-shuffled.yaml tests/data/cli/minimal.yaml \
  tests/data/cli/bad-unknown-key.yaml tests/data/cli/bad-list.yaml \
  tests/data/estate/scenario/estate.yaml tests/data/inputs-bad/design.yaml \
  tests/data/mixed/clusters.yaml tests/data/mixed/conflict.yaml tests/data/mixed/design.yaml \
  tests/data/verify/estate.yaml; do
  seed scenario "$(basename "$(dirname "$file")")-$(basename "$file")" "$file"
done

# Policy YAML.
for file in examples/policies/*.yaml examples/policy-tests/backup-policy.yaml \
  tests/data/check/*.yaml tests/data/policy/*.yaml tests/data/sarif/*.yaml; do
  seed policy "$(basename "$(dirname "$file")")-$(basename "$file")" "$file"
done

# Saved AWS CLI output: each file on its own, in the folder its ARN-less kinds need (the first
# byte, aws_cli_fuzzer.cpp), then whole Regions of an export read together (at most four files a
# run: a plan, its selection, the vaults and the databases).
export_dir=examples/aws-cli/export
while IFS= read -r file; do
  relative=${file#"$export_dir"/}
  case $relative in
    111111111111/ap-northeast-1/*) layout=2 ;;
    222222222222/us-east-1/*) layout=3 ;;
    */organizations/*) layout=1 ;;
    *) layout=0 ;;
  esac
  PREFIX=$layout seed aws_cli "$(echo "$relative" | tr / _)" "$file"
done < <(find "$export_dir" tests/data/estate/aws-cli tests/data/verify -name '*.json' | sort)
tokyo=$export_dir/111111111111/ap-northeast-1
PREFIX=2 seed aws_cli tokyo-plan "$tokyo"/backup/get-backup-plan/*.json \
  "$tokyo"/backup/get-backup-selection/*/*.json "$tokyo"/backup/list-backup-vaults.json \
  "$tokyo"/rds/describe-db-clusters.json
PREFIX=2 seed aws_cli tokyo-keys "$tokyo"/kms/list-aliases.json \
  "$tokyo"/kms/describe-key/mrk-*.json "$tokyo"/kms/get-key-policy/mrk-*.json \
  "$tokyo"/rds/describe-db-instances.json
PREFIX=3 seed aws_cli cross-account "$tokyo"/backup/list-copy-jobs.json \
  examples/aws-cli/export/222222222222/us-east-1/backup/list-backup-vaults.json \
  "$tokyo"/backup/list-backup-vaults.json \
  examples/aws-cli/export/222222222222/us-east-1/backup/get-backup-vault-access-policy/central.json

# Terraform plan JSON.
for file in tests/data/terraform/*.json tests/data/estate/terraform/plan.json; do
  seed terraform_plan "$(basename "$file")" "$file"
done

# Terraform source, native syntax: the root module, then up to two modules it calls (./m1, ./m2).
for file in examples/terraform/main.tf examples/terraform/variables.tf \
  examples/terraform/modules/*/main.tf tests/data/cli/tf-suppressed/main.tf \
  tests/data/cli/bad-hcl/main.tf tests/data/estate/terraform-source/main.tf; do
  seed terraform_source "$(echo "${file#*/}" | tr / _)" "$file"
done
# The example's root module and its two modules, renamed to the fuzz target's ./m1 and ./m2.
mkdir -p "$corpus/terraform_source"
{
  cat examples/terraform/variables.tf examples/terraform/main.tf |
    sed -e 's|"./modules/dr"|"./m1"|' -e 's|"./modules/kms-key"|"./m2"|' \
      -e 's|"../kms-key"|"../m2"|'
  printf '\0'
  sed -e 's|"../kms-key"|"../m2"|' examples/terraform/modules/dr/main.tf
  printf '\0'
  cat examples/terraform/modules/kms-key/main.tf
} >"$corpus/terraform_source/seed-example-modules"

# Terraform source, JSON syntax.
seed terraform_json cdk.tf.json tests/data/estate/terraform-json/cdk.tf.json

# CloudFormation: the JSON target takes templates that start with '{', the YAML target the
# others; a second template after a NUL is stack frankfurt in eu-central-1.
seed cloudformation_yaml ireland+frankfurt examples/cloudformation/ireland.yaml \
  examples/cloudformation/frankfurt.json
seed cloudformation_json frankfurt+ireland examples/cloudformation/frankfurt.json \
  examples/cloudformation/ireland.yaml
seed cloudformation_yaml tokyo+virginia tests/data/estate/cloudformation/tokyo.yaml \
  tests/data/estate/cloudformation/virginia.json
for file in examples/cloudformation/ireland.yaml tests/data/cli/cfn-suppressed/stack.yaml \
  tests/data/estate/cloudformation/tokyo.yaml; do
  seed cloudformation_yaml "$(basename "$file")" "$file"
done
for file in examples/cloudformation/frankfurt.json tests/data/cloudformation/*.json \
  tests/data/estate/cloudformation/virginia.json; do
  seed cloudformation_json "$(basename "$file")" "$file"
done

# The engine reads its bytes through FuzzedDataProvider: any bytes make a model. A few fixed
# patterns give it a start (all zeros: the smallest model; all ones and a ramp: larger ones).
mkdir -p "$corpus/engine"
head -c 64 /dev/zero >"$corpus/engine/seed-zeros"
head -c 256 /dev/zero | tr '\0' '\377' >"$corpus/engine/seed-ones"
for i in $(seq 0 255); do printf "\\$(printf '%03o' "$i")"; done >"$corpus/engine/seed-ramp"
for i in $(seq 0 255); do printf "\\$(printf '%03o' $(((i * 37 + 11) % 256)))"; done \
  >"$corpus/engine/seed-mixed"

# --- Dictionaries ---------------------------------------------------------------------------------
dicts=$root/tests/fuzz/dict
mkdir -p "$dicts"

# raw, quoted: each line of standard input as a dictionary entry, as it is or as a JSON string.
escape() {
  local token=$1
  token=${token//\\/\\\\}
  printf '"%s"\n' "${token//\"/\\\"}"
}
raw() { while IFS= read -r token; do [[ -z $token ]] || escape "$token"; done; }
quoted() { while IFS= read -r token; do [[ -z $token ]] || escape "\"$token\""; done; }
# The string literals of the sources under src/io/DIR... that look like keys, names and values
# (no error ids, no messages).
literals() {
  for dir in "$@"; do cat "$root"/src/io/"$dir"/*.cpp; done |
    grep -oh '"[A-Za-z_][A-Za-z0-9_:./-]\{1,48\}"' | tr -d '"' | grep -v '^E_' | sort -u
}
json_tokens() {
  printf '%s\n' '{' '}' '[' ']' ':' ',' '""' 'null' 'true' 'false' '-0' '1e999' '"\u0000"' \
    '"\ud800"'
}
yaml_tokens() {
  printf '%s\n' '---' '...' ': ' '- ' '? ' '&a ' '*a' '!!str ' '!!map' '!!seq' '<<: *a' '|' '>-' \
    '# ' '{}' '[]' '~' "'" '"' '%YAML 1.2'
}
hcl_tokens() {
  printf '%s\n' '{' '}' '${' '%{' '~}' '<<EOT' 'EOT' '=>' '...' 'for ' ' in ' ' if ' ' ? ' ' : ' \
    '[*]' '.*' '==' '!=' '&&' '||' 'null' 'true' 'false' 'resource' 'data' 'module' 'variable' \
    'locals' 'output' 'provider' 'terraform' 'count' 'for_each' 'each.key' 'each.value' \
    'count.index' 'var.' 'local.' 'module.' 'data.' 'path.module' '//' '/*' '*/' '#'
}
# ARNs, ids and places of the kinds the readers parse.
aws_tokens() {
  printf '%s\n' 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' \
    'arn:aws:kms:us-east-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef' \
    'arn:aws:kms:us-east-1:111111111111:alias/aws/rds' 'alias/aws/rds' 'alias/aws/backup' \
    'arn:aws:rds:us-east-1:111111111111:cluster:orders' 'arn:aws:rds:us-east-1:111111111111:db:db' \
    'arn:aws:backup:us-east-1:111111111111:backup-vault:Default' \
    'arn:aws:backup:us-east-1:111111111111:backup-plan:plan' \
    'arn:aws-cn:kms:cn-north-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' \
    'arn:aws-us-gov:rds:us-gov-west-1:111111111111:cluster:c' 'arn:aws:iam::111111111111:root' \
    '111111111111' '222222222222' 'us-east-1' 'ap-northeast-1' 'eu-central-1' 'cn-north-1' \
    'us-gov-west-1' 'o-a1b2c3d4e5' 'mrk-0123456789abcdef0123456789abcdef' '2026-02-18'
}
check_ids() {
  grep -oh 'std::string_view k[A-Za-z]* = "[A-Z_]*"' "$root"/include/snapkey/check.hpp |
    sed 's/.*"\(.*\)"/\1/'
}
cloudformation_tags() {
  printf '%s\n' '!Ref ' '!GetAtt ' '!Sub ' '!If ' '!Join ' '!Select ' '!Split ' '!FindInMap ' \
    '!ImportValue ' '!GetStackOutput' '!Equals ' '!Not ' '!And ' '!Or ' '!Condition ' \
    '!Base64 ' '!GetAZs ' '!Cidr '
}

# Per target, in the syntax it reads: JSON targets get the names and values as JSON strings.
{ yaml_tokens | raw; { aws_tokens; literals scenario; } | raw; } >"$dicts/scenario.dict"
{ yaml_tokens | raw; { aws_tokens; literals policy; check_ids; } | raw; } >"$dicts/policy.dict"
{ json_tokens | raw; { aws_tokens; literals aws_cli; } | quoted; } >"$dicts/aws_cli.dict"
{ json_tokens | raw; { aws_tokens; literals terraform; } | quoted; } >"$dicts/terraform_plan.dict"
{ hcl_tokens | raw; { aws_tokens; literals terraform terraform/source hcl; } | quoted;
  literals terraform terraform/source hcl | raw; } >"$dicts/terraform_source.dict"
{ json_tokens | raw; { aws_tokens; literals terraform terraform/source hcl; } | quoted;
  hcl_tokens | quoted; } >"$dicts/terraform_json.dict"
{ json_tokens | raw; { aws_tokens; literals cloudformation; } | quoted; } \
  >"$dicts/cloudformation_json.dict"
{ yaml_tokens | raw; cloudformation_tags | raw; { aws_tokens; literals cloudformation; } | raw; } \
  >"$dicts/cloudformation_yaml.dict"

for dict in "$dicts"/*.dict; do awk '!seen[$0]++' "$dict" >"$dict.tmp" && mv "$dict.tmp" "$dict"; done
du -sb "$corpus" "$dicts"
