# The application tier: an Auto Scaling group of Ubuntu hosts running the agent
# (packaging/systemd/smartcloudops-agent.service) and node_exporter, behind an
# Application Load Balancer that only admins and Grafana can reach. The agent's
# scale_up action raises this group's desired capacity.
locals {
  agent_yaml = templatefile("${path.module}/../packaging/cloud-init/agent.yaml.tftpl", {
    prometheus_url = "http://${aws_instance.monitoring.private_ip}:9090"
    allowed_units  = jsonencode(var.restart_allowed_services)
  })

  application_files = {
    "/etc/systemd/system/smartcloudops-agent.service" = {
      content     = file("${path.module}/../packaging/systemd/smartcloudops-agent.service")
      permissions = "0644"
    }
    "/etc/smartcloudops/agent.yaml" = {
      content     = local.agent_yaml
      permissions = "0644"
    }
    "/etc/smartcloudops/agent.env" = {
      # AWS_REGION is read by the AWS SDK; the others are the agent's configuration keys
      # (aws.sns_topic_arn, remediation.auto_scaling_group, aws.ssm_document, ssm.parameter_prefix).
      content = join("", [for k, v in {
        AWS_REGION                         = var.region
        SMARTCLOUDOPS_SNS_TOPIC_ARN        = aws_sns_topic.alerts.arn
        SMARTCLOUDOPS_AUTOSCALING_GROUP    = local.application_asg_name
        SMARTCLOUDOPS_RESTART_DOCUMENT     = aws_ssm_document.restart_service.name
        SMARTCLOUDOPS_SSM_PARAMETER_PREFIX = local.ssm_parameter_prefix
      } : "${k}=${v}\n"])
      permissions = "0644"
    }
    "/etc/smartcloudops/agent-artifact.env" = {
      content     = "AGENT_JAR_URL='${var.agent_jar_url}'\nAGENT_JAR_SHA256='${var.agent_jar_sha256}'\n"
      permissions = "0644"
    }
    # the launcher and the heap rule it applies (docs/architecture.md, "Sizing")
    "/opt/smartcloudops/bin/smartcloudops-agent" = {
      content     = file("${path.module}/../packaging/bin/smartcloudops-agent")
      permissions = "0755"
    }
    "/opt/smartcloudops/agent-jvm-options" = {
      content     = file("${path.module}/../packaging/agent-jvm-options")
      permissions = "0755"
    }
    "/usr/local/lib/smartcloudops/install-agent" = {
      content     = file("${path.module}/../packaging/cloud-init/install-agent.sh")
      permissions = "0755"
    }
  }

  application_user_data = templatefile("${path.module}/../packaging/cloud-init/application.yaml.tftpl", {
    write_files = jsonencode([for path, f in local.application_files : {
      path        = path
      encoding    = "gz+b64"
      content     = base64gzip(f.content)
      permissions = f.permissions
    }])
  })

  application_asg_name = "${local.name}-application"
}

resource "aws_launch_template" "application" {
  name_prefix            = "${local.name}-application-"
  description            = "Smart Cloud Ops agent and node_exporter"
  image_id               = data.aws_ami.ubuntu.id
  instance_type          = var.application_instance_type
  key_name               = var.ssh_key_name
  vpc_security_group_ids = [aws_security_group.application.id]
  user_data              = base64gzip(local.application_user_data)
  update_default_version = true

  iam_instance_profile {
    arn = aws_iam_instance_profile.application.arn
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = data.aws_ami.ubuntu.root_device_name

    ebs {
      volume_type           = "gp3"
      volume_size           = var.root_volume_size_gb
      encrypted             = true
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = merge(local.common_tags, { Name = "${local.name}-application", Role = "application" })
  }

  tag_specifications {
    resource_type = "volume"
    tags          = merge(local.common_tags, { Name = "${local.name}-application", Role = "application" })
  }

  tags = { Role = "application" }
}

resource "aws_autoscaling_group" "application" {
  name                      = local.application_asg_name
  min_size                  = 1
  desired_capacity          = 1
  max_size                  = var.application_max_size
  vpc_zone_identifier       = aws_subnet.public[*].id
  target_group_arns         = [aws_lb_target_group.agent.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 300

  launch_template {
    id      = aws_launch_template.application.id
    version = aws_launch_template.application.latest_version
  }

  instance_refresh {
    strategy = "Rolling"

    preferences {
      min_healthy_percentage = 50
    }
  }

  dynamic "tag" {
    for_each = merge(local.common_tags, { Name = "${local.name}-application", Role = "application" })

    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = true
    }
  }

  lifecycle {
    # The agent's scale_up changes the desired capacity at run time; a later
    # apply must not undo it.
    ignore_changes = [desired_capacity]
  }
}

# ---- load balancer for the agent API --------------------------------------------

resource "aws_lb" "agent" {
  name                       = "${local.name}-agent"
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.agent_lb.id]
  subnets                    = aws_subnet.public[*].id
  drop_invalid_header_fields = true
  # Server-Sent Events (GET /events) keep a connection open between events.
  idle_timeout = 300

  tags = { Role = "agent-lb" }
}

resource "aws_lb_target_group" "agent" {
  name                 = "${local.name}-agent"
  port                 = local.agent_port
  protocol             = "HTTP"
  vpc_id               = aws_vpc.main.id
  deregistration_delay = 30

  health_check {
    path                = "/healthz"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = { Role = "agent-lb" }
}

resource "aws_lb_listener" "agent_http" {
  load_balancer_arn = aws_lb.agent.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https_enabled ? "redirect" : "forward"
    target_group_arn = local.https_enabled ? null : aws_lb_target_group.agent.arn

    dynamic "redirect" {
      for_each = local.https_enabled ? [1] : []

      content {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "agent_https" {
  count = local.https_enabled ? 1 : 0

  load_balancer_arn = aws_lb.agent.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.agent_certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.agent.arn
  }

  lifecycle {
    precondition {
      condition     = var.agent_domain_name != null
      error_message = "agent_certificate_arn needs agent_domain_name: the name the certificate covers, which Grafana and Alertmanager connect to (the load balancer's own DNS name is not on the certificate)."
    }
  }
}

resource "aws_route53_record" "agent" {
  count = local.https_enabled && var.route53_zone_id != null ? 1 : 0

  zone_id = var.route53_zone_id
  name    = var.agent_domain_name
  type    = "A"

  alias {
    name                   = aws_lb.agent.dns_name
    zone_id                = aws_lb.agent.zone_id
    evaluate_target_health = false
  }
}

# /metrics answers without a token; through the load balancer nobody gets it.
# Prometheus scrapes each host directly (application security group).
resource "aws_lb_listener_rule" "hide_metrics" {
  listener_arn = local.https_enabled ? aws_lb_listener.agent_https[0].arn : aws_lb_listener.agent_http.arn
  priority     = 10

  action {
    type = "fixed-response"

    fixed_response {
      content_type = "application/json"
      status_code  = "404"
      message_body = "{\"error\":\"not found\",\"detail\":\"/metrics is scraped on the host, not through the load balancer\"}"
    }
  }

  condition {
    path_pattern {
      values = ["/metrics", "/metrics/*"]
    }
  }
}
