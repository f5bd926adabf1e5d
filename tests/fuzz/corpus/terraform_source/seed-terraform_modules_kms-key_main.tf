# A key made here, or one given: the pattern of many registry modules.

variable "create" {
  type    = bool
  default = true
}

variable "existing_key_arn" {
  description = "Use this key instead of making one"
  type        = string
  default     = null
}

variable "alias" {
  description = "Alias name, without alias/"
  type        = string
}

variable "description" {
  type = string
}

variable "policy" {
  type = string
}

resource "aws_kms_key" "this" {
  count               = var.create ? 1 : 0
  description         = var.description
  enable_key_rotation = true
  policy              = var.policy
}

resource "aws_kms_alias" "this" {
  count         = var.create ? 1 : 0
  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this[0].key_id
}

output "key_arn" {
  description = "The key: the one made here, or the one given"
  value       = try(aws_kms_key.this[0].arn, var.existing_key_arn)
}
