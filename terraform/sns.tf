resource "aws_sns_topic" "alerts" {
  name              = "${local.name}-alerts"
  display_name      = "Smart Cloud Ops alerts"
  kms_master_key_id = "alias/aws/sns"

  tags = { Role = "alerts" }
}

resource "aws_sns_topic_subscription" "alert_email" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.alert_email
}
