provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

locals {
  a = local.b
  b = local.c
  c = local.a
}

resource "aws_backup_vault" "primary" {
  name = local.a
}
