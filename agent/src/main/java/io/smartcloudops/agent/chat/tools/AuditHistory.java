package io.smartcloudops.agent.chat.tools;

import java.util.List;
import java.util.Optional;

/** The remediation audit log ({@code logs/remediation-*.jsonl}) as the chat tools read it. */
public interface AuditHistory {

    /** Records matching {@code query}, newest first, at most {@code query.limit()}. */
    List<AuditEntry> records(AuditQuery query);

    /** Why there is no audit log at all, or empty when there is one. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    static AuditHistory unavailable(String why) {
        return new AuditHistory() {
            @Override
            public List<AuditEntry> records(AuditQuery query) {
                return List.of();
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(why);
            }
        };
    }
}
