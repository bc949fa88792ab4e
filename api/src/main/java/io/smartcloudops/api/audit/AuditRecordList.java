package io.smartcloudops.api.audit;

import java.util.List;

/**
 * {@code GET /logs}: audit records newest first.
 *
 * @param records   the records that matched, at most {@code limit}
 * @param truncated true when more records matched than {@code limit}
 */
public record AuditRecordList(List<AuditRecord> records, boolean truncated) {

    public AuditRecordList {
        records = List.copyOf(records);
    }
}
