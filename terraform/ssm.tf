# Secrets the agent reads at start. Terraform creates them with a placeholder;
# the real values are set out of band (see docs/infrastructure.md) and never
# pass through Terraform state or git: ignore_changes keeps Terraform from
# resetting them.
locals {
  secret_parameters = {
    "openai/api_key"     = "API key of the OpenAI-compatible chat backend (empty answer: offline assistant)"
    "api/viewer_token"   = "Bearer token of the agent API's viewer (read-only) role"
    "api/operator_token" = "Bearer token of the agent API's operator (read + remediate) role"
    "api/webhook_token"  = "Bearer token Alertmanager and Grafana send to the agent's webhooks (may post alerts, nothing else)"
  }

  # 'nginx' 'prometheus-node-exporter' ...: safe to quote this way because the
  # variable's validation allows only letters, digits and @ . _ -
  restart_allowed_words = join(" ", [for s in var.restart_allowed_services : "'${s}'"])
}

resource "aws_ssm_parameter" "secret" {
  for_each = local.secret_parameters

  name        = "${local.ssm_parameter_prefix}/${each.key}"
  description = each.value
  type        = "SecureString"
  value       = "CHANGE_ME"

  lifecycle {
    ignore_changes = [value]
  }
}

resource "aws_ssm_parameter" "restart_allowed_services" {
  name        = "${local.ssm_parameter_prefix}/remediation/allowed_services"
  description = "Units the restart document accepts (the same list is enforced inside the document)"
  type        = "StringList"
  value       = join(",", var.restart_allowed_services)
}

# Restarts one allow-listed systemd unit. The unit name is checked three times:
# SSM refuses any value outside allowedValues before the command is sent, the
# script compares it again with the list, and it reaches the shell only as the
# environment variable SSM_ServiceName (interpolationType ENV_VAR), always
# quoted, never pasted into the script text.
resource "aws_ssm_document" "restart_service" {
  name            = "${local.name}-restart-service"
  document_type   = "Command"
  document_format = "JSON"
  target_type     = "/AWS::EC2::Instance"

  content = jsonencode({
    schemaVersion = "2.2"
    description   = "Restart an allow-listed systemd service (Smart Cloud Ops remediation)."
    parameters = {
      ServiceName = {
        type              = "String"
        description       = "systemd unit to restart, without .service"
        allowedValues     = var.restart_allowed_services
        interpolationType = "ENV_VAR"
      }
    }
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "restartService"
      precondition = {
        StringEquals = ["platformType", "Linux"]
      }
      inputs = {
        timeoutSeconds = "120"
        runCommand = [
          "#!/bin/bash",
          "set -euo pipefail",
          "unit=\"$${SSM_ServiceName:-}\"",
          "allowed=(${local.restart_allowed_words})",
          "ok=false",
          "for a in \"$${allowed[@]}\"; do [[ \"$unit\" == \"$a\" ]] && ok=true; done",
          "if [[ \"$ok\" != true ]]; then echo \"refused: '$unit' is not an allow-listed service\" >&2; exit 3; fi",
          "systemctl restart -- \"$unit.service\"",
          "sleep 2",
          "systemctl is-active --quiet -- \"$unit.service\"",
          "echo \"restarted $unit.service\"",
        ]
      }
    }]
  })
}
