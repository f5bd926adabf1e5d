#!/usr/bin/env bash
# Saves what snapkey reads from AWS, for every AWS CLI profile (one profile per account) and
# every Region given, as the raw JSON the AWS CLI prints:
#
#   OUT/ACCOUNT/organizations/describe-organization.json
#   OUT/ACCOUNT/organizations/list-accounts.json              (management account only)
#   OUT/ACCOUNT/REGION/rds/describe-db-clusters.json            (Aurora, Multi-AZ DB clusters,
#   OUT/ACCOUNT/REGION/rds/describe-db-instances.json            DocumentDB and Neptune clusters)
#   OUT/ACCOUNT/REGION/kms/list-aliases.json
#   OUT/ACCOUNT/REGION/kms/describe-key/KEY-ID.json
#   OUT/ACCOUNT/REGION/kms/get-key-policy/KEY-ID.json
#   OUT/ACCOUNT/REGION/backup/describe-global-settings.json
#   OUT/ACCOUNT/REGION/backup/list-backup-vaults.json
#   OUT/ACCOUNT/REGION/backup/get-backup-vault-access-policy/VAULT.json
#   OUT/ACCOUNT/REGION/backup/get-backup-plan/PLAN-ID.json
#   OUT/ACCOUNT/REGION/backup/list-backup-selections/PLAN-ID.json
#   OUT/ACCOUNT/REGION/backup/get-backup-selection/PLAN-ID/SELECTION-ID.json
#   OUT/ACCOUNT/REGION/backup/list-copy-jobs.json                            (for snapkey verify)
#   OUT/ACCOUNT/REGION/backup/list-recovery-points-by-backup-vault/VAULT.json (for snapkey verify)
#
# Then: snapkey predict OUT        (and snapkey verify OUT)
#
# The folders matter: describe-organization, describe-global-settings and get-key-policy print no
# ARN, so snapkey takes their account (and the key's Region) from ACCOUNT/ and REGION/.
#
# Usage: export.sh [-o OUT] -r REGION [-r REGION]... PROFILE...
#   export.sh -o export -r ap-northeast-1 -r ap-northeast-3 -r us-east-1 workloads central-backup
#
# Read-only: it calls only describe, get and list APIs (see docs/aws-cli-input.md for the IAM
# actions). Needs the AWS CLI v2; nothing else.
set -euo pipefail

usage() {
  sed -n 's/^# \{0,1\}//; /^Usage:/,/^$/p' "$0"
}

out="export"
regions=()
while getopts "o:r:h" option; do
  case $option in
    o) out=$OPTARG ;;
    r) regions+=("$OPTARG") ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ] || [ ${#regions[@]} -eq 0 ]; then
  usage >&2
  exit 2
fi

warn() { echo "export.sh: $*" >&2; }

# aws_json FILE ARGS...: runs `aws ARGS --output json` with the current profile and writes its
# output to FILE; a failed call leaves no file behind (a half-written file would be misread).
aws_json() {
  local file=$1
  shift
  mkdir -p "$(dirname "$file")"
  if aws --profile "$profile" --output json "$@" >"$file.partial"; then
    mv "$file.partial" "$file"
  else
    rm -f "$file.partial"
    return 1
  fi
}

# aws_text ARGS...: a `--query` answer as whitespace-separated words.
aws_text() {
  aws --profile "$profile" --output text "$@"
}

# Vault names may contain "/" (aws/efs/automatic-backup-vault): keep them one file each.
file_name() { printf '%s' "${1//\//_}"; }

export_kms() {
  local region=$1 dir=$2
  aws_json "$dir/kms/list-aliases.json" kms list-aliases --region "$region"
  # Every key of the account in this Region, AWS managed ones included: snapkey needs KeyManager
  # to tell aws/backup from a customer managed key, and the policies to see who may use a key.
  local key
  for key in $(aws_text kms list-keys --region "$region" --query 'Keys[].KeyId'); do
    aws_json "$dir/kms/describe-key/$key.json" kms describe-key --region "$region" --key-id "$key"
    aws_json "$dir/kms/get-key-policy/$key.json" kms get-key-policy --region "$region" \
      --key-id "$key" --policy-name default ||
      warn "$account $region: cannot read the policy of key $key"
  done
}

export_vaults() {
  local region=$1 dir=$2
  aws_json "$dir/backup/list-backup-vaults.json" backup list-backup-vaults --region "$region"
  local name arn file errors
  errors=$(mktemp)
  while read -r name arn; do
    [ -n "$name" ] || continue
    file="$dir/backup/get-backup-vault-access-policy/$(file_name "$name").json"
    if ! aws_json "$file" backup get-backup-vault-access-policy --region "$region" \
      --backup-vault-name "$name" 2>"$errors"; then
      if grep -q ResourceNotFoundException "$errors"; then
        # The vault has no access policy: say so, or snapkey cannot tell "none" from "not read".
        printf '{"BackupVaultName": "%s", "BackupVaultArn": "%s", "Policy": null}\n' \
          "$name" "$arn" >"$file"
      else
        cat "$errors" >&2
      fi
    fi
    aws_json "$dir/backup/list-recovery-points-by-backup-vault/$(file_name "$name").json" \
      backup list-recovery-points-by-backup-vault --region "$region" --backup-vault-name "$name"
  done < <(aws_text backup list-backup-vaults --region "$region" \
    --query 'BackupVaultList[].[BackupVaultName, BackupVaultArn]')
  rm -f "$errors"
}

export_plans() {
  local region=$1 dir=$2 plan selection
  for plan in $(aws_text backup list-backup-plans --region "$region" \
    --query 'BackupPlansList[].BackupPlanId'); do
    aws_json "$dir/backup/get-backup-plan/$plan.json" backup get-backup-plan --region "$region" \
      --backup-plan-id "$plan"
    aws_json "$dir/backup/list-backup-selections/$plan.json" backup list-backup-selections \
      --region "$region" --backup-plan-id "$plan"
    for selection in $(aws_text backup list-backup-selections --region "$region" \
      --backup-plan-id "$plan" --query 'BackupSelectionsList[].SelectionId'); do
      aws_json "$dir/backup/get-backup-selection/$plan/$selection.json" backup \
        get-backup-selection --region "$region" --backup-plan-id "$plan" \
        --selection-id "$selection"
    done
  done
}

export_region() {
  local region=$1 dir="$out/$account/$1"
  echo "export.sh: $account $region" >&2
  # rds describe-db-clusters lists DocumentDB and Neptune clusters too.
  aws_json "$dir/rds/describe-db-clusters.json" rds describe-db-clusters --region "$region"
  aws_json "$dir/rds/describe-db-instances.json" rds describe-db-instances --region "$region"
  export_kms "$region" "$dir"
  export_vaults "$region" "$dir"
  export_plans "$region" "$dir"
  aws_json "$dir/backup/describe-global-settings.json" backup describe-global-settings \
    --region "$region" || warn "$account: describe-global-settings works in the management account only"
  aws_json "$dir/backup/list-copy-jobs.json" backup list-copy-jobs --region "$region"
}

for profile in "$@"; do
  account=$(aws_text sts get-caller-identity --query Account)
  aws_json "$out/$account/organizations/describe-organization.json" \
    organizations describe-organization || warn "$account is not in an organization"
  # The organization's accounts, for vault and key policies that name the organization: only the
  # management account (or a delegated administrator) may list them.
  aws_json "$out/$account/organizations/list-accounts.json" organizations list-accounts ||
    warn "$account cannot list the organization's accounts (not its management account)"
  for region in "${regions[@]}"; do
    export_region "$region"
  done
done
echo "export.sh: wrote $out; now run: snapkey predict $out" >&2
