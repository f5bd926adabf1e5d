provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

variable "copies" {
  type    = number
  default = "many"
}

resource "aws_backup_vault" "primary" {
  name = "primary"
}
