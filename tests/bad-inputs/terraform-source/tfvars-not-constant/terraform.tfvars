env = "prod-${var.region}"
