package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.chat.tools.AuditEntry;
import io.smartcloudops.agent.chat.tools.AuditHistory;
import io.smartcloudops.agent.chat.tools.AuditQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Test stand-in for the remediation audit log. */
public final class InMemoryAuditHistory implements AuditHistory {

    private final List<AuditEntry> entries = new ArrayList<>();

    public synchronized InMemoryAuditHistory add(AuditEntry e) {
        entries.add(e);
        return this;
    }

    @Override
    public synchronized List<AuditEntry> records(AuditQuery query) {
        return entries.stream().filter(query::matches).sorted(Comparator.comparing(AuditEntry::timestamp).reversed())
                .limit(query.limit()).toList();
    }
}
