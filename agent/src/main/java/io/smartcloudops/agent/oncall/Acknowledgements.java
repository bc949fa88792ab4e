package io.smartcloudops.agent.oncall;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.oncall.Acknowledgement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who took which anomaly or alert in hand. Each change is audited, then appended to
 * {@code logs/acknowledgements-YYYY-MM-DD.jsonl} (forced to disk; the last line of a finding wins, a
 * withdrawal removes it), kept in memory and published on the bus ({@link AcknowledgementChanged}), so
 * notifications stop repeating and the console updates.
 */
public final class Acknowledgements implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledgements.class);
    static final int MAX_NOTE = 500;

    /** One line of the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(Instant timestamp, FindingKind kind, String id, String host, String by, String note, boolean withdrawn) {
    }

    private record Key(FindingKind kind, String id) {
    }

    private final DailyJsonl files;
    private final OncallAudit audit;
    private final EventBus bus;
    private final Clock clock;
    private final int retentionDays;
    private final Map<Key, Acknowledgement> acks = new HashMap<>();

    Acknowledgements(Path logsDir, int retentionDays, OncallAudit audit, EventBus bus, Clock clock) {
        this.files = new DailyJsonl(logsDir, "acknowledgements");
        this.retentionDays = retentionDays;
        this.audit = audit;
        this.bus = bus;
        this.clock = clock;
    }

    synchronized void reload() {
        try {
            files.replay(LocalDate.now(clock.withZone(ZoneOffset.UTC)), retentionDays, Line.class, "acknowledgement",
                    l -> l.kind() == null || l.id() == null || l.timestamp() == null ? "kind, id or time" : null,
                    l -> {
                        if (l.withdrawn()) {
                            acks.remove(new Key(l.kind(), l.id()));
                        } else {
                            acks.put(new Key(l.kind(), l.id()), new Acknowledgement(l.by(), l.timestamp(), l.note()));
                        }
                    });
        } catch (IOException e) {
            LOG.error("cannot read acknowledgements from {}: starting with none", files.dir(), e);
        }
    }

    /** Acknowledges a finding; one acknowledged already keeps its first acknowledgement. */
    Acknowledgement acknowledge(FindingKind kind, String id, String host, String actor, String note) throws IOException {
        Optional<Acknowledgement> known = find(kind, id);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<Acknowledgement> made = acknowledged(kind, id, host, actor, note);
        made.ifPresent(ack -> bus.publish(new AcknowledgementChanged(kind, id, Optional.of(ack))));  // outside the lock
        return made.or(() -> find(kind, id)).orElseThrow();
    }

    /** The new acknowledgement; empty when another request acknowledged it first. */
    private synchronized Optional<Acknowledgement> acknowledged(FindingKind kind, String id, String host, String actor,
                                                                String note) throws IOException {
        Key key = new Key(kind, id);
        if (acks.containsKey(key)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Acknowledgement ack = new Acknowledgement(actor, now, note);
        audit.acknowledgement(AuditEvent.ACKNOWLEDGED, kind, id, host, ack, actor, now);
        files.append(now, JsonLine.write(new Line(now, kind, id, host, actor, note, false)));
        acks.put(key, ack);
        LOG.info("{} {} acknowledged by {}", kind.key(), id, actor);
        return Optional.of(ack);
    }

    /** Withdraws an acknowledgement; true when there was one. */
    boolean withdraw(FindingKind kind, String id, String host, String actor) throws IOException {
        boolean changed = withdrawn(kind, id, host, actor);
        if (changed) {
            bus.publish(new AcknowledgementChanged(kind, id, Optional.empty()));
        }
        return changed;
    }

    private synchronized boolean withdrawn(FindingKind kind, String id, String host, String actor) throws IOException {
        Key key = new Key(kind, id);
        if (!acks.containsKey(key)) {
            return false;
        }
        Instant now = clock.instant();
        audit.acknowledgement(AuditEvent.UNACKNOWLEDGED, kind, id, host, null, actor, now);
        files.append(now, JsonLine.write(new Line(now, kind, id, host, actor, null, true)));
        acks.remove(key);
        LOG.info("{} {}: acknowledgement withdrawn by {}", kind.key(), id, actor);
        return true;
    }

    public synchronized Optional<Acknowledgement> find(FindingKind kind, String id) {
        return Optional.ofNullable(acks.get(new Key(kind, id)));
    }

    @Override
    public void close() {
        files.close();
    }
}
