# The estate of ../README.md as Terraform source: the configuration ../terraform/plan.json is a
# plan of. snapkey reads it without a plan and must predict the same.

provider "aws" {
  region              = "ap-northeast-1"
  allowed_account_ids = [local.account]
}

provider "aws" {
  alias               = "virginia"
  region              = "us-east-1"
  allowed_account_ids = [local.account]
}

locals {
  account = "111111111111"
  key_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EnableIAMUserPermissions"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${local.account}:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "app" {
  description         = "app data (multi-Region primary)"
  multi_region        = true
  enable_key_rotation = true
  policy              = local.key_policy
}

resource "aws_kms_alias" "app" {
  name          = "alias/app-key"
  target_key_id = aws_kms_key.app.key_id
}

resource "aws_kms_replica_key" "app" {
  provider        = aws.virginia
  description     = "app data (replica)"
  primary_key_arn = aws_kms_key.app.arn
  policy          = local.key_policy
}

resource "aws_kms_alias" "app_replica" {
  provider      = aws.virginia
  name          = "alias/app-key-replica"
  target_key_id = aws_kms_replica_key.app.key_id
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "orders_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.app.arn
  tags                        = { backup = "daily" }
}

resource "aws_db_instance" "billing" {
  identifier                  = "billing"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  db_name                     = "billing"
  username                    = "billing_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  tags                        = { backup = "daily" }
}

resource "aws_backup_vault" "primary" {
  name = "primary"
}

resource "aws_backup_vault" "default" {
  provider = aws.virginia
  name     = "Default"
}

resource "aws_backup_vault" "dr" {
  provider    = aws.virginia
  name        = "dr"
  kms_key_arn = aws_kms_replica_key.app.arn
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 3 * * ? *)"

    dynamic "copy_action" {
      for_each = [aws_backup_vault.default.arn, aws_backup_vault.dr.arn]
      content {
        destination_vault_arn = copy_action.value
        lifecycle {
          delete_after = 35
        }
      }
    }
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::${local.account}:role/service-role/AWSBackupDefaultServiceRole"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}
