package io.smartcloudops.api.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code GET /whoami}: the caller's token as the agent sees it, so a client can tell before a click
 * whether it may change state.
 *
 * @param name the token's name (the audit log's actor)
 * @param role {@code viewer} (read) or {@code operator} (read + remediate)
 */
public record WhoAmI(String name, String role) {

    /** Whether this token may run remediations and approve them. */
    public boolean isOperator() {
        return "operator".equals(role);
    }

    /**
     * Whether this token may only look (a viewer's): clients disable what would change state. Derived from
     * {@code role}, not a field of {@code GET /whoami}.
     */
    @JsonIgnore
    public boolean isViewer() {
        return "viewer".equals(role);
    }
}
