provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

locals {
  name = "${local.name}-vault"
}

resource "aws_backup_vault" "primary" {
  name = local.name
}
