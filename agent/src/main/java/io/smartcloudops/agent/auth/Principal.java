package io.smartcloudops.agent.auth;

/** Who made a request: the token's name (the audit log's actor) and its role. */
public record Principal(String name, Role role) {
}
