# Payments: an Aurora cluster and two PostgreSQL instances in Frankfurt, backed up every night
# and copied to two DR Regions and to an audit vault. plan.json is `terraform show -json` of a
# plan that creates all of it (see README.md).

terraform {
  required_version = ">= 1.9"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.20"
    }
  }
}

provider "aws" {
  region = var.primary_region
  # The payments production account: Terraform refuses to run against any other, and snapkey
  # reads the account from here when it reads this configuration without a plan.
  allowed_account_ids = ["444455556666"]
}

data "aws_caller_identity" "current" {}

# The AWS managed key of RDS in Frankfurt, named explicitly for the reports databases.
data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

locals {
  key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EnableIAMUserPermissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# The payments data key: multi-Region, with a replica in each DR Region (modules/dr).
resource "aws_kms_key" "data" {
  description         = "payments data (multi-Region primary)"
  multi_region        = true
  enable_key_rotation = true
  policy              = local.key_policy
}

resource "aws_kms_alias" "data" {
  name          = "alias/payments-data"
  target_key_id = aws_kms_key.data.key_id
}

# (The cluster's instances, aws_rds_cluster_instance, are left out: the cluster is what is
# backed up.)
resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  engine_version              = "16.4"
  master_username             = "ledger_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.data.arn
  skip_final_snapshot         = true
  tags                        = { team = "payments" }
}

resource "aws_db_instance" "reports" {
  count                       = 2
  identifier                  = "reports-${count.index}"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t4g.large"
  allocated_storage           = 20
  db_name                     = "reports"
  username                    = "reports_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = data.aws_kms_alias.rds.target_key_arn
  skip_final_snapshot         = true
  tags                        = { backup = "tier1", team = "payments" }
}

# No kms_key_arn: AWS Backup keys the vault with aws/backup.
resource "aws_backup_vault" "primary" {
  name = "payments-primary"
}

module "audit_key" {
  source      = "./modules/kms-key"
  alias       = "payments-audit"
  description = "payments audit vault"
  policy      = local.key_policy
}

resource "aws_backup_vault" "audit" {
  name        = "payments-audit"
  kms_key_arn = module.audit_key.key_arn
}

module "dr" {
  source          = "./modules/dr"
  for_each        = toset(var.dr_regions)
  region          = each.key
  primary_key_arn = aws_kms_key.data.arn
  policy          = local.key_policy
}

resource "aws_backup_plan" "payments" {
  name = "payments"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 3 ? * * *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = module.dr["us-east-1"].vault_arn
      lifecycle {
        delete_after = 35
      }
    }

    copy_action {
      destination_vault_arn = module.dr["us-west-2"].vault_arn
      lifecycle {
        delete_after = 35
      }
    }

    copy_action {
      destination_vault_arn = aws_backup_vault.audit.arn
      lifecycle {
        delete_after = 365
      }
    }
  }
}

# The ledger by ARN, and everything tagged backup = tier1.
resource "aws_backup_selection" "tier1" {
  name         = "tier1"
  plan_id      = aws_backup_plan.payments.id
  iam_role_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/service-role/AWSBackupDefaultServiceRole"
  resources    = [aws_rds_cluster.ledger.arn]

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "tier1"
  }
}

output "dr_vault_arns" {
  value = { for region, dr in module.dr : region => dr.vault_arn }
}
