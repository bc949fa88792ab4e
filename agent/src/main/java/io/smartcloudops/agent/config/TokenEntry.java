package io.smartcloudops.agent.config;

import io.smartcloudops.agent.auth.Role;

/**
 * One API token. Give either the SHA-256 of the token (hex; the file then holds no secret) or the
 * name of an environment variable that holds it.
 *
 * @param name   who uses it (shown in the audit log as the actor)
 * @param role   viewer, operator or webhook
 * @param sha256 hex SHA-256 of the token
 * @param env    environment variable holding the token
 */
public record TokenEntry(String name, Role role, String sha256, String env) {
}
