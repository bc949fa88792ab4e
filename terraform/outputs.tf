output "grafana_url" {
  description = "Grafana on the monitoring host (admin password: sudo cat /etc/smartcloudops/grafana-admin-password in a Session Manager shell)."
  value       = "http://${aws_eip.monitoring.public_ip}:3000"
}

output "prometheus_url" {
  description = "Prometheus UI and API on the monitoring host."
  value       = "http://${aws_eip.monitoring.public_ip}:9090"
}

output "agent_url" {
  description = "The agent's REST API through its load balancer (reachable from admin_cidrs)."
  value       = local.agent_url
}

output "agent_load_balancer_dns_name" {
  description = "The load balancer's own DNS name: where agent_domain_name must point (an alias or CNAME) when route53_zone_id is not set."
  value       = aws_lb.agent.dns_name
}

output "console_connection" {
  description = "What to enter in the console's connection screen: the agent URL and where its token lives."
  value       = "${local.agent_url} (token: aws ssm get-parameter --region ${var.region} --with-decryption --name ${aws_ssm_parameter.secret["api/operator_token"].name} --query Parameter.Value --output text)"
}

output "monitoring_instance_id" {
  description = "Instance id of the monitoring host, for aws ssm start-session."
  value       = aws_instance.monitoring.id
}

output "application_autoscaling_group" {
  description = "Name of the application Auto Scaling group (the agent's scale_up target)."
  value       = aws_autoscaling_group.application.name
}

output "alerts_topic_arn" {
  description = "SNS topic that receives alerts and the agent's notify actions."
  value       = aws_sns_topic.alerts.arn
}

output "restart_document_name" {
  description = "SSM document the agent runs for restart_service."
  value       = aws_ssm_document.restart_service.name
}

output "ssm_parameters" {
  description = "SecureString parameters to fill in out of band (aws ssm put-parameter --overwrite --type SecureString)."
  value       = sort([for p in aws_ssm_parameter.secret : p.name])
}
