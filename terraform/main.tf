locals {
  # The Project tag value is fixed: Prometheus service discovery
  # (monitoring/prometheus/prometheus.yml) and the IAM conditions select on it.
  project = "smartcloudops"
  name    = "${local.project}-${var.environment}"

  common_tags = merge(var.tags, {
    Project     = local.project
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  azs        = slice(data.aws_availability_zones.available.names, 0, 2)
  partition  = data.aws_partition.current.partition
  account_id = data.aws_caller_identity.current.account_id

  ssm_parameter_prefix = "/${local.project}"
  ssm_parameter_arn    = "arn:${local.partition}:ssm:${var.region}:${local.account_id}:parameter${local.ssm_parameter_prefix}"

  agent_port    = 8080
  https_enabled = var.agent_certificate_arn != null
  # With HTTPS the URL must carry the name the certificate covers: Grafana and Alertmanager on the
  # monitoring host check it, and the load balancer's own DNS name is never on an ACM certificate.
  agent_url = local.https_enabled ? "https://${var.agent_domain_name}" : "http://${aws_lb.agent.dns_name}"

  smtp_port = var.grafana_smtp_host == "" ? 587 : tonumber(split(":", var.grafana_smtp_host)[1])
}

data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = [var.ubuntu_ami_name_filter]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }

  filter {
    name   = "root-device-type"
    values = ["ebs"]
  }
}
