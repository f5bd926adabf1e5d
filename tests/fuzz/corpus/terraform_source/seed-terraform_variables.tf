variable "primary_region" {
  type    = string
  default = "eu-central-1"
}

variable "dr_regions" {
  description = "Regions that hold copies, each with a replica key"
  type        = list(string)
  default     = ["us-east-1", "us-west-2"]
}
