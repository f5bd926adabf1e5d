provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

locals {
  names = { primary = "primary" }
}

resource "aws_backup_vault" "dr" {
  name = local.names["dr"]
}
