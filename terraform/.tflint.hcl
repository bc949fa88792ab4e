# tflint configuration (run by .github/workflows/infra.yml: tflint --init && tflint).
plugin "terraform" {
  enabled = true
  preset  = "all"
  version = "0.10.0"
  source  = "github.com/terraform-linters/tflint-ruleset-terraform"
}

plugin "aws" {
  enabled = true
  version = "0.40.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
