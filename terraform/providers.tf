provider "aws" {
  region = var.region

  # Every resource that takes tags gets these; resources add their Role and Name.
  default_tags {
    tags = local.common_tags
  }
}
