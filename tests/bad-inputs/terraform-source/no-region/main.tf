provider "aws" {
  allowed_account_ids = ["111111111111"]
}

resource "aws_backup_vault" "primary" {
  name = "primary"
}
