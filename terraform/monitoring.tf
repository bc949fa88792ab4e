# The monitoring host: Ubuntu's Prometheus, Alertmanager and node_exporter
# packages plus Grafana in a container, configured by cloud-init from the files
# in monitoring/ (each shipped gzip+base64 to stay under EC2's 16 KiB user data).
# Prometheus' alerts go through Alertmanager, and Grafana's through its contact
# point, to the agent's webhooks behind the load balancer.
locals {
  monitoring_dir = "${path.module}/../monitoring"
  host_files_dir = "${path.module}/../packaging/cloud-init/monitoring"

  grafana_static_env = {
    GF_SERVER_HTTP_PORT               = "3000"
    GF_SERVER_ROOT_URL                = "http://${aws_eip.monitoring.public_ip}:3000/"
    GF_AUTH_ANONYMOUS_ENABLED         = "false"
    GF_USERS_ALLOW_SIGN_UP            = "false"
    GF_ANALYTICS_REPORTING_ENABLED    = "false"
    GF_ANALYTICS_CHECK_FOR_UPDATES    = "false"
    GF_INSTALL_PLUGINS                = "yesoreyeram-infinity-datasource"
    GF_SMTP_ENABLED                   = var.grafana_smtp_host == "" ? "false" : "true"
    GF_SMTP_HOST                      = var.grafana_smtp_host
    GF_SMTP_FROM_ADDRESS              = var.alert_email
    SMARTCLOUDOPS_PROMETHEUS_URL      = "http://127.0.0.1:9090"
    SMARTCLOUDOPS_AGENT_URL           = local.agent_url
    SMARTCLOUDOPS_ALERT_EMAIL         = var.alert_email
    SMARTCLOUDOPS_SNS_TOPIC_ARN       = aws_sns_topic.alerts.arn
    SMARTCLOUDOPS_AWS_REGION          = var.region
    SMARTCLOUDOPS_VIEWER_TOKEN_PARAM  = aws_ssm_parameter.secret["api/viewer_token"].name
    SMARTCLOUDOPS_WEBHOOK_TOKEN_PARAM = aws_ssm_parameter.secret["api/webhook_token"].name
  }

  # Where the token helper puts the webhook token for Alertmanager's
  # credentials_file: the service's runtime directory (memory, its user only).
  alertmanager_token_file = "/run/smartcloudops-alertmanager/webhook-token"

  # Destination path => { content, permissions } of every file cloud-init writes.
  monitoring_files = merge(
    {
      "/etc/prometheus/prometheus.yml" = {
        content = replace(
          file("${local.monitoring_dir}/prometheus/prometheus.yml"),
          "region: us-east-1",
          "region: ${var.region}",
        )
        permissions = "0644"
      }
      "/etc/default/prometheus" = {
        content     = file("${local.host_files_dir}/prometheus.default")
        permissions = "0644"
      }
      "/etc/prometheus/alertmanager.yml" = {
        content = replace(
          replace(
            file("${local.monitoring_dir}/alertmanager/alertmanager.yml"),
            "http://127.0.0.1:8080/webhooks/alertmanager",
            "${local.agent_url}/webhooks/alertmanager",
          ),
          "/etc/alertmanager/smartcloudops-webhook-token",
          local.alertmanager_token_file,
        )
        permissions = "0644"
      }
      "/etc/default/prometheus-alertmanager" = {
        content     = file("${local.host_files_dir}/prometheus-alertmanager.default")
        permissions = "0644"
      }
      "/etc/systemd/system/prometheus-alertmanager.service.d/smartcloudops.conf" = {
        content     = file("${local.host_files_dir}/prometheus-alertmanager.conf")
        permissions = "0644"
      }
      "/usr/local/lib/smartcloudops/alertmanager-token" = {
        content     = file("${local.host_files_dir}/alertmanager-token")
        permissions = "0755"
      }
      "/etc/smartcloudops/alertmanager-token.env" = {
        content = join("", [
          "SMARTCLOUDOPS_AWS_REGION=${var.region}\n",
          "SMARTCLOUDOPS_WEBHOOK_TOKEN_PARAM=${aws_ssm_parameter.secret["api/webhook_token"].name}\n",
          "SMARTCLOUDOPS_WEBHOOK_TOKEN_FILE=${local.alertmanager_token_file}\n",
        ])
        permissions = "0644"
      }
      "/etc/default/prometheus-node-exporter" = {
        content     = file("${local.host_files_dir}/prometheus-node-exporter.default")
        permissions = "0644"
      }
      "/usr/local/lib/smartcloudops/grafana-env" = {
        content     = file("${local.host_files_dir}/grafana-env")
        permissions = "0755"
      }
      "/etc/systemd/system/smartcloudops-grafana.service" = {
        content     = file("${local.host_files_dir}/smartcloudops-grafana.service")
        permissions = "0644"
      }
      "/etc/smartcloudops/grafana-image.env" = {
        content     = "GRAFANA_IMAGE=${var.grafana_image}\n"
        permissions = "0644"
      }
      "/etc/smartcloudops/grafana.static.env" = {
        content     = join("", [for k, v in local.grafana_static_env : "${k}=${v}\n"])
        permissions = "0600"
      }
    },
    { for f in fileset("${local.monitoring_dir}/prometheus/rules", "*.yml") :
      "/etc/prometheus/rules/${f}" => {
        content     = file("${local.monitoring_dir}/prometheus/rules/${f}")
        permissions = "0644"
      }
    },
    { for f in fileset("${local.monitoring_dir}/grafana/provisioning", "**/*.yaml") :
      "/etc/smartcloudops/grafana/provisioning/${f}" => {
        content     = file("${local.monitoring_dir}/grafana/provisioning/${f}")
        permissions = "0644"
      }
    },
    # dashboards minified (jsondecode/jsonencode): the user data must stay under EC2's 16 KB once gzipped
    { for f in fileset("${local.monitoring_dir}/grafana/dashboards", "*.json") :
      "/etc/smartcloudops/grafana/dashboards/${f}" => {
        content     = jsonencode(jsondecode(file("${local.monitoring_dir}/grafana/dashboards/${f}")))
        permissions = "0644"
      }
    },
  )

  monitoring_user_data = templatefile("${path.module}/../packaging/cloud-init/monitoring.yaml.tftpl", {
    write_files = jsonencode([for path, f in local.monitoring_files : {
      path        = path
      encoding    = "gz+b64"
      content     = base64gzip(f.content)
      permissions = f.permissions
    }])
  })
}

resource "aws_eip" "monitoring" {
  domain = "vpc"

  tags = { Name = "${local.name}-monitoring", Role = "monitoring" }
}

resource "aws_instance" "monitoring" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = var.monitoring_instance_type
  subnet_id              = aws_subnet.public[0].id
  vpc_security_group_ids = [aws_security_group.monitoring.id]
  iam_instance_profile   = aws_iam_instance_profile.monitoring.name
  key_name               = var.ssh_key_name
  monitoring             = true

  user_data_base64            = base64gzip(local.monitoring_user_data)
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size_gb
    encrypted             = true
    delete_on_termination = true

    tags = merge(local.common_tags, { Name = "${local.name}-monitoring", Role = "monitoring" })
  }

  tags = { Name = "${local.name}-monitoring", Role = "monitoring" }

  lifecycle {
    # A newer Ubuntu image must not replace the monitoring host (and its TSDB) on its own.
    ignore_changes = [ami]
  }
}

resource "aws_eip_association" "monitoring" {
  instance_id   = aws_instance.monitoring.id
  allocation_id = aws_eip.monitoring.id
}
