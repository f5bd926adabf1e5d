# One DR Region: a replica of the payments data key, its alias, and a vault keyed with it.
# The AWS provider 6 `region` argument places each resource in var.region.

variable "region" {
  type = string
}

variable "primary_key_arn" {
  type = string
}

variable "policy" {
  type = string
}

resource "aws_kms_replica_key" "this" {
  region          = var.region
  description     = "payments data (replica)"
  primary_key_arn = var.primary_key_arn
  policy          = var.policy
}

resource "aws_kms_alias" "this" {
  region        = var.region
  name          = "alias/payments-data"
  target_key_id = aws_kms_replica_key.this.key_id
}

resource "aws_backup_vault" "this" {
  region      = var.region
  name        = "payments-dr-${var.region}"
  kms_key_arn = aws_kms_replica_key.this.arn
}

output "vault_arn" {
  value = aws_backup_vault.this.arn
}
