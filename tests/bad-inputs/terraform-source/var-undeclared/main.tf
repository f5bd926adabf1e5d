# --var names a variable the root module does not declare (envv for env).
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

resource "aws_backup_vault" "primary" {
  name = "primary-${var.env}"
}

variable "env" {
  default = "prod"
}
