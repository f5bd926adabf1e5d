provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

locals {
  vault_name = "primary"
}

resource "aws_backup_vault" "primary" {
  name = local.valut_name
}
