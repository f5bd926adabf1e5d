provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

variable "regions" {
  type = list(string)
}

resource "aws_backup_vault" "primary" {
  name = "primary-${var.regions[0]}"
}
