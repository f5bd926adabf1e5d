provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

resource "aws_backup_vault" "vaults" {
  for_each = toset(["primary", "dr"])
  count    = 2
  name     = each.key
}
