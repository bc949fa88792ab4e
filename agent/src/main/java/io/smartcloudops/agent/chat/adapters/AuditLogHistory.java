package io.smartcloudops.agent.chat.adapters;

import io.smartcloudops.agent.audit.AuditLog;
import io.smartcloudops.agent.chat.tools.AuditEntry;
import io.smartcloudops.agent.chat.tools.AuditHistory;
import io.smartcloudops.agent.chat.tools.AuditQuery;
import io.smartcloudops.api.audit.AuditRecord;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The chat's view of the remediation audit log ({@code logs/remediation-*.jsonl}, what {@code GET /logs} reads). */
public final class AuditLogHistory implements AuditHistory {

    private final AuditLog log;
    private final Clock clock;

    public AuditLogHistory(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public List<AuditEntry> records(AuditQuery query) {
        LocalDate from = query.since().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = (query.until() == null ? clock.instant() : query.until()).atZone(ZoneOffset.UTC).toLocalDate();
        List<AuditRecord> oldestFirst = log.read(from, to);
        List<AuditEntry> out = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && out.size() < query.limit(); i--) {
            AuditEntry e = entry(oldestFirst.get(i));
            if (query.matches(e)) {
                out.add(e);
            }
        }
        return out;
    }

    static AuditEntry entry(AuditRecord r) {
        return new AuditEntry(r.timestamp(), r.event(), r.action(), r.instance(), r.result(), r.trigger(), r.actor(), r.dryRun(),
                r.requestId(), r.detail(), r.rule(), r.params(), r.reason(), r.effective());
    }
}
