# Least privilege, statement by statement (rationale in docs/infrastructure.md).
# Write actions always name their resource; "*" appears only for read-only
# Describe/Get calls that AWS does not scope to a resource.

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# ---- application hosts (the agent) -------------------------------------------

resource "aws_iam_role" "application" {
  name               = "${local.name}-application"
  description        = "Smart Cloud Ops agent on the application hosts"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json

  tags = { Role = "application" }
}

data "aws_iam_policy_document" "application" {
  statement {
    sid = "ReadOwnParameters"
    actions = [
      "ssm:GetParameter",
      "ssm:GetParameters",
      "ssm:GetParametersByPath",
    ]
    resources = [
      local.ssm_parameter_arn,
      "${local.ssm_parameter_arn}/*",
    ]
  }

  statement {
    sid       = "RunRestartDocument"
    actions   = ["ssm:SendCommand"]
    resources = [aws_ssm_document.restart_service.arn]
  }

  # SendCommand is authorised against the document and each target instance:
  # only instances carrying this project's tag can be targeted.
  statement {
    sid       = "OnProjectInstances"
    actions   = ["ssm:SendCommand"]
    resources = ["arn:${local.partition}:ec2:${var.region}:${local.account_id}:instance/*"]

    condition {
      test     = "StringEquals"
      variable = "ssm:resourceTag/Project"
      values   = [local.project]
    }
  }

  statement {
    sid       = "ScaleOwnGroup"
    actions   = ["autoscaling:SetDesiredCapacity"]
    resources = [aws_autoscaling_group.application.arn]
  }

  statement {
    sid       = "PublishAlerts"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]
  }

  # Read-only calls the remediator makes (these actions support no resource-level
  # permissions): the group of an instance and its size before scale_up
  # (agent/.../remediate/AutoScalingScaleUp), the result of a restart command (SsmRestart).
  statement {
    sid = "ReadRemediationState"
    actions = [
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeAutoScalingGroups",
      "ssm:GetCommandInvocation",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "application" {
  name   = "smartcloudops-agent"
  role   = aws_iam_role.application.id
  policy = data.aws_iam_policy_document.application.json
}

resource "aws_iam_instance_profile" "application" {
  name = "${local.name}-application"
  role = aws_iam_role.application.name
}

# ---- monitoring host ----------------------------------------------------------

resource "aws_iam_role" "monitoring" {
  name               = "${local.name}-monitoring"
  description        = "Prometheus EC2 service discovery and Grafana on the monitoring host"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json

  tags = { Role = "monitoring" }
}

data "aws_iam_policy_document" "monitoring_discovery" {
  # What Prometheus' ec2_sd_configs calls; neither action can be scoped to a resource.
  statement {
    sid = "PrometheusEc2Discovery"
    actions = [
      "ec2:DescribeInstances",
      "ec2:DescribeAvailabilityZones",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "monitoring_discovery" {
  name   = "prometheus-ec2-discovery"
  role   = aws_iam_role.monitoring.id
  policy = data.aws_iam_policy_document.monitoring_discovery.json
}

# Grafana's and Alertmanager's integrations, each on one resource: the SNS
# contact point publishes to the alert topic, the anomaly table reads the agent
# API with the viewer token, and alerts reach the agent with its webhook token.
data "aws_iam_policy_document" "monitoring_grafana" {
  statement {
    sid       = "GrafanaSnsContactPoint"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]
  }

  statement {
    sid       = "GrafanaViewerToken"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.secret["api/viewer_token"].arn]
  }

  # Alertmanager's receiver and Grafana's contact point post alerts to the
  # agent with its webhook token, which may post alerts and nothing else.
  statement {
    sid       = "AgentWebhookToken"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.secret["api/webhook_token"].arn]
  }
}

resource "aws_iam_role_policy" "monitoring_grafana" {
  name   = "grafana-integrations"
  role   = aws_iam_role.monitoring.id
  policy = data.aws_iam_policy_document.monitoring_grafana.json
}

resource "aws_iam_instance_profile" "monitoring" {
  name = "${local.name}-monitoring"
  role = aws_iam_role.monitoring.name
}

# ---- SSM Default Host Management -----------------------------------------------
# The SSM agent (Run Command for the restart document, Session Manager instead
# of SSH) gets its own permissions from this service role, so the instance
# roles above stay limited to what the agent and Prometheus do.

data "aws_iam_policy_document" "ssm_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ssm.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ssm_default_host" {
  count = var.enable_default_host_management ? 1 : 0

  name               = "${local.name}-ssm-default-host"
  path               = "/service-role/"
  description        = "SSM Default Host Management: lets the SSM agent on every instance register with Systems Manager"
  assume_role_policy = data.aws_iam_policy_document.ssm_assume.json
}

resource "aws_iam_role_policy_attachment" "ssm_default_host" {
  count = var.enable_default_host_management ? 1 : 0

  role       = aws_iam_role.ssm_default_host[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy"
}

resource "aws_ssm_service_setting" "default_host_management" {
  count = var.enable_default_host_management ? 1 : 0

  setting_id    = "arn:${local.partition}:ssm:${var.region}:${local.account_id}:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"
  setting_value = "service-role/${aws_iam_role.ssm_default_host[0].name}"
}
