provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

resource "aws_backup_vault" "vaults" {
  count = -1
  name  = "vault-${count.index}"
}
