# One security group per role. Ingress is opened port by port to the role that
# needs it (matrix in docs/infrastructure.md); nothing is open to 0.0.0.0/0.

resource "aws_security_group" "agent_lb" {
  name        = "${local.name}-agent-lb"
  description = "Load balancer in front of the agent API: admins and Grafana only"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-agent-lb", Role = "agent-lb" }
}

resource "aws_security_group" "monitoring" {
  name        = "${local.name}-monitoring"
  description = "Monitoring host: Grafana and Prometheus for admins, Prometheus for the agent"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-monitoring", Role = "monitoring" }
}

resource "aws_security_group" "application" {
  name        = "${local.name}-application"
  description = "Application hosts: agent API via the load balancer, metrics for the monitoring host"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${local.name}-application", Role = "application" }
}

# ---- agent load balancer ----------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "agent_lb_http_admin" {
  for_each = toset(var.admin_cidrs)

  security_group_id = aws_security_group.agent_lb.id
  description       = "Agent API (HTTP) from admins"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_ingress_rule" "agent_lb_https_admin" {
  for_each = local.https_enabled ? toset(var.admin_cidrs) : toset([])

  security_group_id = aws_security_group.agent_lb.id
  description       = "Agent API (HTTPS) from admins"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

# Grafana's anomaly table calls the agent API through the public load balancer,
# so its requests arrive from the monitoring host's Elastic IP.
resource "aws_vpc_security_group_ingress_rule" "agent_lb_http_grafana" {
  security_group_id = aws_security_group.agent_lb.id
  description       = "Agent API (HTTP) from Grafana on the monitoring host"
  cidr_ipv4         = "${aws_eip.monitoring.public_ip}/32"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_ingress_rule" "agent_lb_https_grafana" {
  count = local.https_enabled ? 1 : 0

  security_group_id = aws_security_group.agent_lb.id
  description       = "Agent API (HTTPS) from Grafana on the monitoring host"
  cidr_ipv4         = "${aws_eip.monitoring.public_ip}/32"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "agent_lb_to_agent" {
  security_group_id            = aws_security_group.agent_lb.id
  description                  = "Forward to the agent"
  referenced_security_group_id = aws_security_group.application.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

# ---- monitoring host --------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "monitoring_grafana_admin" {
  for_each = toset(var.admin_cidrs)

  security_group_id = aws_security_group.monitoring.id
  description       = "Grafana from admins"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 3000
  to_port           = 3000
}

resource "aws_vpc_security_group_ingress_rule" "monitoring_prometheus_admin" {
  for_each = toset(var.admin_cidrs)

  security_group_id = aws_security_group.monitoring.id
  description       = "Prometheus UI and API from admins"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 9090
  to_port           = 9090
}

resource "aws_vpc_security_group_ingress_rule" "monitoring_prometheus_agent" {
  security_group_id            = aws_security_group.monitoring.id
  description                  = "Prometheus API for the agent's prometheus source"
  referenced_security_group_id = aws_security_group.application.id
  ip_protocol                  = "tcp"
  from_port                    = 9090
  to_port                      = 9090
}

resource "aws_vpc_security_group_ingress_rule" "monitoring_ssh" {
  for_each = toset(var.ssh_cidrs)

  security_group_id = aws_security_group.monitoring.id
  description       = "SSH (only when ssh_cidrs is set; Session Manager needs no port)"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

resource "aws_vpc_security_group_egress_rule" "monitoring_https" {
  security_group_id = aws_security_group.monitoring.id
  description       = "HTTPS: packages, Grafana image and plugin, AWS APIs (EC2 discovery, SNS, SSM), agent API over TLS"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "monitoring_http" {
  security_group_id = aws_security_group.monitoring.id
  description       = "HTTP: Ubuntu package mirrors and the agent API load balancer"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "monitoring_smtp" {
  count = var.grafana_smtp_host == "" ? 0 : 1

  security_group_id = aws_security_group.monitoring.id
  description       = "SMTP relay for Grafana's email contact point"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = local.smtp_port
  to_port           = local.smtp_port
}

resource "aws_vpc_security_group_egress_rule" "monitoring_scrape_node" {
  security_group_id            = aws_security_group.monitoring.id
  description                  = "Scrape node_exporter on the application hosts"
  referenced_security_group_id = aws_security_group.application.id
  ip_protocol                  = "tcp"
  from_port                    = 9100
  to_port                      = 9100
}

resource "aws_vpc_security_group_egress_rule" "monitoring_scrape_agent" {
  security_group_id            = aws_security_group.monitoring.id
  description                  = "Scrape the agent's /metrics on the application hosts"
  referenced_security_group_id = aws_security_group.application.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

# ---- application hosts ------------------------------------------------------

resource "aws_vpc_security_group_ingress_rule" "application_agent_lb" {
  security_group_id            = aws_security_group.application.id
  description                  = "Agent API from its load balancer"
  referenced_security_group_id = aws_security_group.agent_lb.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

resource "aws_vpc_security_group_ingress_rule" "application_agent_metrics" {
  security_group_id            = aws_security_group.application.id
  description                  = "Agent /metrics scraped by Prometheus"
  referenced_security_group_id = aws_security_group.monitoring.id
  ip_protocol                  = "tcp"
  from_port                    = local.agent_port
  to_port                      = local.agent_port
}

resource "aws_vpc_security_group_ingress_rule" "application_node_exporter" {
  security_group_id            = aws_security_group.application.id
  description                  = "node_exporter scraped by Prometheus"
  referenced_security_group_id = aws_security_group.monitoring.id
  ip_protocol                  = "tcp"
  from_port                    = 9100
  to_port                      = 9100
}

resource "aws_vpc_security_group_ingress_rule" "application_ssh" {
  for_each = toset(var.ssh_cidrs)

  security_group_id = aws_security_group.application.id
  description       = "SSH (only when ssh_cidrs is set; Session Manager needs no port)"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

resource "aws_vpc_security_group_egress_rule" "application_https" {
  security_group_id = aws_security_group.application.id
  description       = "HTTPS: packages, agent jar, AWS APIs (SSM, Auto Scaling, SNS), the configured chat model"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "application_http" {
  security_group_id = aws_security_group.application.id
  description       = "HTTP: Ubuntu package mirrors"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "application_prometheus" {
  security_group_id            = aws_security_group.application.id
  description                  = "Query Prometheus (the agent's prometheus source)"
  referenced_security_group_id = aws_security_group.monitoring.id
  ip_protocol                  = "tcp"
  from_port                    = 9090
  to_port                      = 9090
}
