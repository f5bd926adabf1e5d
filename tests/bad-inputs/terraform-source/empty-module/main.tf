provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

module "keys" {
  source = "./modules/keys"
}
