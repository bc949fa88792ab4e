variable "region" {
  type        = string
  description = "AWS region to deploy into."
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "environment" {
  type        = string
  description = "Deployment name (prod, staging, ...); part of every resource name and the Environment tag."
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.environment))
    error_message = "environment must be 1-16 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource (cost centre, owner, ...). Project, Environment and ManagedBy are always set."
  default     = {}
}

variable "vpc_cidr" {
  type        = string
  description = "CIDR block of the VPC."
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be an IPv4 CIDR block."
  }
}

variable "public_subnet_cidrs" {
  type        = list(string)
  description = "CIDR blocks of the two public subnets, one per availability zone, inside vpc_cidr."
  default     = ["10.0.1.0/24", "10.0.2.0/24"]

  validation {
    condition     = length(var.public_subnet_cidrs) == 2 && alltrue([for c in var.public_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "public_subnet_cidrs must hold exactly two IPv4 CIDR blocks."
  }
}

variable "admin_cidrs" {
  type        = list(string)
  description = "CIDR blocks allowed to reach Grafana (3000), Prometheus (9090) and the agent API (80/443 on the load balancer), e.g. your office's public /32. No default: exposure is a decision."

  validation {
    condition     = length(var.admin_cidrs) > 0 && alltrue([for c in var.admin_cidrs : can(cidrhost(c, 0)) && !contains(["0.0.0.0/0", "::/0"], c)])
    error_message = "admin_cidrs must list at least one IPv4 CIDR block and must not contain 0.0.0.0/0."
  }
}

variable "ssh_cidrs" {
  type        = list(string)
  description = "CIDR blocks allowed to SSH (22) into the instances. Empty (the default) opens no SSH port: use SSM Session Manager instead."
  default     = []

  validation {
    condition     = alltrue([for c in var.ssh_cidrs : can(cidrhost(c, 0)) && !contains(["0.0.0.0/0", "::/0"], c)])
    error_message = "ssh_cidrs must be IPv4 CIDR blocks and must not contain 0.0.0.0/0."
  }
}

variable "ssh_key_name" {
  type        = string
  description = "Name of an existing EC2 key pair for SSH, or null for none (Session Manager needs no key)."
  default     = null
}

variable "monitoring_instance_type" {
  type        = string
  description = "Instance type of the monitoring host (Prometheus, Grafana, node_exporter)."
  default     = "t3.small"
}

variable "application_instance_type" {
  type        = string
  description = "Instance type of the application hosts (agent, node_exporter)."
  default     = "t3.small"
}

variable "application_max_size" {
  type        = number
  description = "Largest size of the application Auto Scaling group: the ceiling for the agent's scale_up action (min and desired start at 1)."
  default     = 3

  validation {
    condition     = var.application_max_size >= 1 && var.application_max_size <= 20 && floor(var.application_max_size) == var.application_max_size
    error_message = "application_max_size must be a whole number between 1 and 20."
  }
}

variable "root_volume_size_gb" {
  type        = number
  description = "Size of each instance's encrypted gp3 root volume in GiB."
  default     = 20

  validation {
    condition     = var.root_volume_size_gb >= 8 && var.root_volume_size_gb <= 1024
    error_message = "root_volume_size_gb must be between 8 and 1024."
  }
}

variable "ubuntu_ami_name_filter" {
  type        = string
  description = "AMI name pattern of Canonical's Ubuntu images; the newest match is used (Ubuntu 24.04 ships OpenJDK 25, Prometheus, node_exporter and the SSM agent)."
  default     = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"
}

variable "agent_jar_url" {
  type        = string
  description = "HTTPS URL of smartcloudops-agent.jar, e.g. the asset that the release workflow attaches to a GitHub release."

  validation {
    condition     = can(regex("^https://[A-Za-z0-9._~:/?#@!&+,;=%-]+$", var.agent_jar_url)) && !strcontains(var.agent_jar_url, "'")
    error_message = "agent_jar_url must be an https URL without quotes or spaces."
  }
}

variable "agent_jar_sha256" {
  type        = string
  description = "SHA-256 (hex) of the jar at agent_jar_url; cloud-init refuses a download that does not match."

  validation {
    condition     = can(regex("^[0-9a-f]{64}$", var.agent_jar_sha256))
    error_message = "agent_jar_sha256 must be 64 lower-case hex digits."
  }
}

variable "restart_allowed_services" {
  type        = list(string)
  description = "systemd units (without .service) that the SSM restart document may restart; anything else is refused."
  default     = ["nginx", "prometheus-node-exporter"]

  validation {
    condition     = length(var.restart_allowed_services) > 0 && alltrue([for s in var.restart_allowed_services : can(regex("^[A-Za-z0-9][A-Za-z0-9@._-]{0,63}$", s))])
    error_message = "restart_allowed_services must be unit names made of letters, digits, @ . _ - (no spaces, quotes or slashes)."
  }
}

variable "alert_email" {
  type        = string
  description = "Email address subscribed to the alert SNS topic and used by Grafana's email contact point. AWS sends a confirmation mail first."

  validation {
    condition     = can(regex("^[^@\\s'\"]+@[^@\\s'\"]+\\.[^@\\s'\"]+$", var.alert_email))
    error_message = "alert_email must be an email address."
  }
}

variable "grafana_image" {
  type        = string
  description = "Container image of Grafana run on the monitoring host (Grafana is not packaged by Ubuntu)."
  default     = "grafana/grafana-oss:11.6.0"
}

variable "grafana_smtp_host" {
  type        = string
  description = "host:port of an SMTP relay for Grafana's email contact point, or empty to leave Grafana's email off (the SNS topic's email subscription still delivers alerts)."
  default     = ""

  validation {
    condition     = var.grafana_smtp_host == "" || can(regex("^[A-Za-z0-9.-]+:[0-9]{2,5}$", var.grafana_smtp_host))
    error_message = "grafana_smtp_host must be empty or host:port."
  }
}

variable "agent_certificate_arn" {
  type        = string
  description = "ACM certificate ARN for HTTPS on the agent's load balancer, or null for plain HTTP on port 80 (still restricted to admin_cidrs). Needs agent_domain_name."
  default     = null
}

variable "agent_domain_name" {
  type        = string
  description = "The DNS name agent_certificate_arn covers (e.g. agent.example.com): the agent's URL with HTTPS, which Grafana, Alertmanager and the console check the certificate against. Required with agent_certificate_arn; it must resolve to the load balancer (route53_zone_id creates that record)."
  default     = null

  validation {
    condition     = var.agent_domain_name == null || can(regex("^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$", var.agent_domain_name))
    error_message = "agent_domain_name must be a DNS name such as agent.example.com (no scheme, port or path)."
  }
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone that holds agent_domain_name, to create its alias record to the load balancer; null when the name is managed elsewhere (then point it at the agent_load_balancer_dns_name output)."
  default     = null
}

variable "enable_default_host_management" {
  type        = bool
  description = "Turn on SSM Default Host Management for this account and region, so the SSM agent (Session Manager, Run Command) works without adding SSM permissions to the instance roles. It is a regional account setting: set false if something else manages it."
  default     = true
}
