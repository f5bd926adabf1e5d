# Suppressions in the code under review: one in force, one expired (tests/golden.cmake).
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

provider "aws" {
  alias               = "dr"
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}

resource "aws_kms_key" "app" {
  description = "app data"
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.app.arn
  tags               = { backup = "daily" }
}

resource "aws_backup_vault" "primary" {
  name = "primary"
}

# The DR copies may use the AWS managed key for now; the DR key lands next quarter.
# snapkey:ignore AWS_MANAGED_COPY_KEY reason="DR key lands next quarter" expires=2027-03-31
resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

resource "aws_backup_vault" "audit" { # snapkey:ignore AWS_MANAGED_COPY_KEY reason="audit copies reviewed" expires=2026-01-31
  provider = aws.dr
  name     = "audit"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.primary.name
    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
    copy_action {
      destination_vault_arn = aws_backup_vault.audit.arn
    }
  }
}

resource "aws_backup_selection" "daily" {
  name         = "daily"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::111111111111:role/backup"
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
