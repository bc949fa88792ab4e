package io.smartcloudops.agent.oncall;

import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.agent.journal.DailyJsonl;
import io.smartcloudops.agent.journal.JsonLine;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceState;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silences: created, ended early and run out, each change audited, then appended to
 * {@code logs/silences-YYYY-MM-DD.jsonl} (forced to disk; the day a silence was created, last line of an id
 * wins), kept in memory and published on the bus. Silences that ended are kept for {@code logs.retention_days}
 * so that what they silenced stays explained. Whether something was silenced is worked out from them: a
 * finding is silenced by a matching silence that held at any time while it was open.
 */
public final class Silences implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Silences.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DailyJsonl files;
    private final OncallAudit audit;
    private final EventBus bus;
    private final Clock clock;
    private final int retentionDays;
    private final Map<String, Silence> byId = new LinkedHashMap<>();

    Silences(Path logsDir, int retentionDays, OncallAudit audit, EventBus bus, Clock clock) {
        this.files = new DailyJsonl(logsDir, "silences");
        this.retentionDays = retentionDays;
        this.audit = audit;
        this.bus = bus;
        this.clock = clock;
    }

    /** Reads the silences of the retained days back; ones that ran out meanwhile are announced by the next {@link #expire}. */
    synchronized void reload() {
        try {
            files.replay(LocalDate.now(clock.withZone(ZoneOffset.UTC)), retentionDays, Silence.class, "silence",
                    x -> x.id() == null || x.createdAt() == null || x.endsAt() == null || x.state() == null
                            ? "id, start, end or state" : null,
                    x -> byId.put(x.id(), x));
        } catch (IOException e) {
            LOG.error("cannot read silences from {}: starting with none", files.dir(), e);
        }
        if (!byId.isEmpty()) {
            LOG.info("reloaded {} silence(s), {} active", byId.size(), active().size());
        }
    }

    /** A new silence from now for {@code duration}; the request was checked by {@link SilenceRequests}. */
    Silence create(SilenceRequests.Checked request, String actor) throws IOException {
        Silence s = created(request, actor);
        bus.publish(s);  // outside the lock: subscribers ask this class whether silences hold
        return s;
    }

    private synchronized Silence created(SilenceRequests.Checked request, String actor) throws IOException {
        Instant now = clock.instant();
        Silence s = new Silence("sil-" + HexFormat.of().formatHex(randomBytes()), request.host(), request.metric(),
                request.rule(), request.labels(), request.reason(), actor, now, now.plus(request.duration()), null, null,
                SilenceState.ACTIVE, null);
        audit.silence(AuditEvent.SILENCE_CREATED, s, actor, now);
        record(s);
        LOG.info("silence {} by {}: {} until {} ({})", s.id(), actor, describe(s), s.endsAt(), s.reason());
        return s;
    }

    /** Ends a silence now; one that already ended is answered as it is. */
    Optional<Silence> delete(String id, String actor) throws IOException {
        Deleted d = deleted(id, actor);
        if (d.changed()) {
            bus.publish(d.silence().orElseThrow());
        }
        return d.silence();
    }

    private record Deleted(Optional<Silence> silence, boolean changed) {
    }

    private synchronized Deleted deleted(String id, String actor) throws IOException {
        Silence s = byId.get(id);
        if (s == null) {
            return new Deleted(Optional.empty(), false);
        }
        Instant now = clock.instant();
        Silence current = s.at(now);
        if (current.state() != SilenceState.ACTIVE) {
            return new Deleted(Optional.of(current), false);
        }
        Silence ended = new Silence(s.id(), s.host(), s.metric(), s.rule(), s.labels(), s.reason(), s.createdBy(),
                s.createdAt(), s.endsAt(), actor, now, SilenceState.DELETED, null);
        audit.silence(AuditEvent.SILENCE_DELETED, ended, actor, now);
        record(ended);
        LOG.info("silence {} ended early by {}", id, actor);
        return new Deleted(Optional.of(ended), true);
    }

    /** Announces (audits, records, publishes) the silences that ran out since the last call. */
    public void expire() {
        expired().forEach(bus::publish);
    }

    private synchronized List<Silence> expired() {
        Instant now = clock.instant();
        List<Silence> out = new ArrayList<>();
        for (Silence s : List.copyOf(byId.values())) {
            if (s.state() == SilenceState.ACTIVE && !now.isBefore(s.endsAt())) {
                Silence expired = s.at(now);
                try {
                    audit.silence(AuditEvent.SILENCE_EXPIRED, expired, "agent", s.endsAt());
                    record(expired);
                    out.add(expired);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot record that silence {} ran out (tried again later): {}", s.id(), e.toString());
                    break;
                }
            }
        }
        return out;
    }

    private void record(Silence s) throws IOException {
        files.append(s.createdAt(), JsonLine.write(s));
        byId.put(s.id(), s);
    }

    synchronized Optional<Silence> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(s -> s.at(clock.instant()));
    }

    /** Newest first; {@code state} null for all. */
    synchronized List<Silence> list(SilenceState state) {
        Instant now = clock.instant();
        return byId.values().stream().map(s -> s.at(now)).filter(s -> state == null || s.state() == state)
                .sorted(Comparator.comparing(Silence::createdAt).reversed().thenComparing(Silence::id)).toList();
    }

    public synchronized List<Silence> active() {
        return list(SilenceState.ACTIVE);
    }

    /** A matching silence that held at some time while {@code f} was open (till now when it still is). */
    public synchronized Optional<Silence> during(Finding f) {
        Instant now = clock.instant();
        Instant from = f.from() == null ? now : f.from();
        Instant to = f.to() == null ? now : f.to();
        return byId.values().stream()
                .filter(s -> !s.createdAt().isAfter(to) && s.until().isAfter(from) && matches(s, f))
                .max(Comparator.comparing(Silence::createdAt))
                .map(s -> s.at(now));
    }

    /** A matching silence holding now. */
    public synchronized Optional<Silence> holding(Finding f) {
        Instant now = clock.instant();
        return byId.values().stream().filter(s -> s.holdsAt(now) && matches(s, f)).findFirst().map(s -> s.at(now));
    }

    /** Every matcher the silence gives must match; it gives at least one (checked when it is created). */
    static boolean matches(Silence s, Finding f) {
        if (s.host() != null && !s.host().equals(f.host())) {
            return false;
        }
        if (s.metric() != null && !f.metrics().contains(s.metric())) {
            return false;
        }
        if (s.rule() != null && !s.rule().equals(f.rule())) {
            return false;
        }
        for (Map.Entry<String, String> l : s.labels().entrySet()) {
            if (!l.getValue().equals(f.labels().get(l.getKey()))) {
                return false;
            }
        }
        return s.host() != null || s.metric() != null || s.rule() != null || !s.labels().isEmpty();
    }

    /** "host=web-1, metric=cpu", for logs, the audit log and the chat. */
    public static String describe(Silence s) {
        List<String> parts = new ArrayList<>();
        if (s.host() != null) {
            parts.add("host=" + s.host());
        }
        if (s.metric() != null) {
            parts.add("metric=" + s.metric());
        }
        if (s.rule() != null) {
            parts.add("rule=" + s.rule());
        }
        parts.addAll(s.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .collect(Collectors.toList()));
        return String.join(", ", parts);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    static Duration remaining(Silence s, Instant now) {
        return Duration.between(now, s.until()).isNegative() ? Duration.ZERO : Duration.between(now, s.until());
    }

    @Override
    public void close() {
        files.close();
    }
}
