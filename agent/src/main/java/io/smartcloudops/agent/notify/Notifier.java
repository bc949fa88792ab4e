package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.lifecycle.Shutdown;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smartcloudops.agent.config.NotifyConfig;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.agent.oncall.AcknowledgementChanged;
import io.smartcloudops.agent.oncall.Finding;
import io.smartcloudops.agent.oncall.FindingKind;
import io.smartcloudops.agent.oncall.Oncall;
import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes anomalies (by severity, {@code notify.anomalies}) and alerts (by their {@code severity} label,
 * {@code notify.alerts}) to channels. Each subject opens one notification per channel and its end sends the
 * resolve to the channels that heard of it. While a silence holds, nothing is sent (a subject that opened
 * under a silence is announced once the silence is over, if it is still open); while it is acknowledged, no
 * repeats. Repeats go every {@code notify.repeat_interval}. Handing a notice to a channel never waits: each
 * channel delivers on its own thread ({@link ChannelSender}). Which channels were told of what, and which
 * resolves are still owed, is kept in {@link NotificationJournal} and taken up again by {@link #recover} after a
 * restart.
 *
 * <p>Why this class is long (about 450 lines): what was told to whom is one piece of state under one lock; opening,
 * repeating, silencing, acknowledging, resolving and recovering after a restart all read and change it together.
 * Delivery is {@link ChannelSender}'s, the journal {@link NotificationJournal}'s, the texts {@link Texts}'.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** How often repeats and announcements deferred by a silence are looked for. */
    static final Duration TICK = Duration.ofSeconds(10);
    /** Open subjects followed at most; beyond, the longest-followed is forgotten (its resolve is not sent). */
    static final int MAX_TRACKED = 10_000;

    private static final class Tracked {
        Subject subject;
        Finding finding;
        final Set<String> wanted = new LinkedHashSet<>();
        final Set<String> opened = new LinkedHashSet<>();
        Instant lastSent;

        NotificationJournal.Line line(Instant now) {
            return new NotificationJournal.Line(now, NotificationJournal.Stage.OPEN, subject, finding, wanted, opened,
                    Set.of(), lastSent);
        }
    }

    /** An ended subject whose resolve some channels have not had yet (delivered or given up). */
    private record Owed(Subject subject, Set<String> channels) {
        NotificationJournal.Line line(Instant now) {
            return new NotificationJournal.Line(now, NotificationJournal.Stage.RESOLVING, subject, null, Set.of(), Set.of(),
                    channels, null);
        }
    }

    private final NotifyConfig config;
    private final Map<String, ChannelSender> senders = new LinkedHashMap<>();
    private final Oncall oncall;
    private final Clock clock;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private final Map<String, Owed> owed = new LinkedHashMap<>();
    private final NotificationJournal journal;
    private final int retentionDays;
    private final ScheduledExecutorService ticker;
    private volatile boolean closing;
    private String journalError;

    /**
     * @param logsDir       where {@code notifications-*.jsonl} is kept
     * @param retentionDays how many days of it are read at start and kept ({@code logs.retention_days}; 0: all)
     */
    public Notifier(NotifyConfig config, List<Channel> channels, Oncall oncall, Path logsDir, int retentionDays, Clock clock,
                    PrometheusRegistry registry) {
        this.config = config;
        this.oncall = oncall;
        this.clock = clock;
        this.journal = new NotificationJournal(logsDir, retentionDays);
        this.retentionDays = retentionDays;
        NotifyMetrics metrics = new NotifyMetrics(registry);
        if (!channels.isEmpty()) {
            // Only with a channel: an HTTP client loads the TLS providers and parses the trust store (about 300
            // classes and their heap), which an agent without channels, the side-car's default, never uses.
            OkHttpClient http = new OkHttpClient();
            DeliveryPolicy policy = DeliveryPolicy.of(config);
            for (Channel c : channels) {
                senders.put(c.name(), new ChannelSender(c, policy, http, clock, metrics, this::recordDelivery));
            }
        }
        GaugeWithCallback.builder().name("smartcloudops_notification_channel_healthy")
                .help("1 unless the channel's last notification failed for good (every attempt, or a final 4xx)")
                .labelNames("channel")
                .callback(cb -> senders.forEach((name, s) -> cb.call(s.healthy() ? 1 : 0, name))).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_notifications_queued")
                .help("Notifications waiting in the channel's queue").labelNames("channel")
                .callback(cb -> senders.forEach((name, s) -> cb.call(s.queued(), name))).register(registry);
        this.ticker = Shutdown.timer("notify-tick");
        if (!senders.isEmpty()) {
            ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Follows anomalies, alerts, acknowledgements and silences on the bus. */
    public void subscribeTo(EventBus bus) {
        bus.subscribe(Anomaly.class, this::onAnomaly);
        bus.subscribe(Alert.class, this::onAlert);
        bus.subscribe(AcknowledgementChanged.class, this::onAcknowledgement);
        bus.subscribe(Silence.class, this::onSilence);
    }

    /** What {@link #recover} took up: subjects followed again and resolves sent that were owed. */
    public record Recovered(int followed, int resolvesSent) {
    }

    /**
     * Takes up what the journal says the channels were told before this start: a subject still open is followed
     * again (it is not opened a second time, and its resolve goes out when it ends), a resolve that was owed is
     * sent, and a subject that ended while the agent was down gets its resolve now (an anomaly the detector can no
     * longer follow after a restart is shown ended; an alert may have resolved just before its resolve left). Call
     * once, before anything is published on the bus.
     *
     * @param alerts    the alerts the agent holds now, by id
     * @param anomalies the anomalies the agent holds now, by id
     */
    public synchronized Recovered recover(Function<String, Optional<Alert>> alerts,
                                          Function<String, Optional<Anomaly>> anomalies) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, NotificationJournal.Line> lines;
        try {
            lines = journal.read(retentionDays > 0 ? today.minusDays(retentionDays) : null);
        } catch (IOException e) {
            LOG.error("cannot read the notification state from {}: resolves owed before this start are not sent",
                    journal.dir(), e);
            return new Recovered(0, 0);
        }
        journal.reloadedOn(today);
        int followed = 0;
        int resolves = 0;
        for (Map.Entry<String, NotificationJournal.Line> e : lines.entrySet()) {
            NotificationJournal.Line line = e.getValue();
            if (line.stage() == NotificationJournal.Stage.RESOLVING) {
                owe(e.getKey(), new Owed(line.subject(), new LinkedHashSet<>(line.owed())));
                resolves++;
                continue;
            }
            Tracked t = new Tracked();
            boolean open;
            if (line.subject().kind() == FindingKind.ALERT && alerts.apply(line.subject().id()).isPresent()) {
                Alert a = alerts.apply(line.subject().id()).orElseThrow();
                t.subject = Subjects.of(oncall.mark(a));
                t.finding = Finding.of(a);
                open = a.firing();
            } else if (line.subject().kind() == FindingKind.ANOMALY && anomalies.apply(line.subject().id()).isPresent()) {
                Anomaly a = anomalies.apply(line.subject().id()).orElseThrow();
                t.subject = Subjects.of(oncall.mark(a));
                t.finding = Finding.of(a);
                open = a.end() == null;
            } else {
                // an alert ends only by a webhook, so one no longer held is still open; an anomaly no longer held ended
                open = line.subject().kind() == FindingKind.ALERT;
                t.subject = open || line.subject().end() != null ? line.subject() : Subjects.ended(line.subject(), clock.instant());
                t.finding = line.finding() != null ? line.finding() : new Finding(t.subject.host(), Set.of(), null, Map.of(),
                        t.subject.start(), t.subject.end());
            }
            t.wanted.addAll(line.wanted());
            t.opened.addAll(line.told());
            t.lastSent = line.lastSent();
            if (open) {
                tracked.put(e.getKey(), t);
                followed++;
            } else {
                end(e.getKey(), t, t.subject);
                resolves += t.opened.isEmpty() ? 0 : 1;
            }
        }
        if (followed + resolves > 0) {
            LOG.info("notifications: {} subject(s) followed again, {} resolve(s) owed from before this start sent",
                    followed, resolves);
        }
        return new Recovered(followed, resolves);
    }

    /** An anomaly raised, grown or ended (bus event). */
    public void onAnomaly(Anomaly a) {
        if (senders.isEmpty() || a.id() == null || a.host() == null) {
            return;
        }
        Anomaly marked = oncall.mark(a);
        List<String> channels = a.severity() == null ? List.of() : config.anomalies().getOrDefault(a.severity().key(), List.of());
        update(FindingKind.ANOMALY, Subjects.of(marked), Finding.of(a), a.end() == null, channels);
    }

    /** An alert arrived or changed (bus event). */
    public void onAlert(Alert a) {
        if (senders.isEmpty()) {
            return;
        }
        List<String> channels = a.severity() != null && config.alerts().containsKey(a.severity())
                ? config.alerts().get(a.severity()) : config.alerts().getOrDefault("*", List.of());
        update(FindingKind.ALERT, Subjects.of(oncall.mark(a)), Finding.of(a), a.firing(), channels);
    }

    /** Someone acknowledged a subject (or withdrew it): PagerDuty and webhooks hear of it; repeats stop. */
    public synchronized void onAcknowledgement(AcknowledgementChanged e) {
        Tracked t = tracked.get(key(e.kind(), e.id()));
        if (t == null) {
            return;
        }
        Subject s = t.subject;
        t.subject = new Subject(s.kind(), s.id(), s.host(), s.title(), s.severity(), s.summary(), s.source(), s.start(),
                s.end(), s.details(), s.link(), e.ack().orElse(null));
        if (e.ack().isPresent()) {
            send(t.opened, Notice.Kind.ACKNOWLEDGED, t.subject);
        }
    }

    /** A silence changed: one that ended may release announcements it held back. */
    public void onSilence(Silence s) {
        if (s.state() != SilenceState.ACTIVE) {
            tick();
        }
    }

    private synchronized void update(FindingKind kind, Subject subject, Finding finding, boolean open, List<String> channels) {
        String key = key(kind, subject.id());
        if (!open) {
            Tracked t = tracked.remove(key);
            if (t != null) {
                end(key, t, subject);
            }
            return;
        }
        Tracked t = tracked.get(key);
        boolean changed = false;
        if (t == null) {
            if (channels.isEmpty() || owed.containsKey(key)) {
                return;  // no channel wants it, or it ended already and this is a late copy
            }
            t = new Tracked();
            tracked.put(key, t);
            forgetOldest();
            changed = true;
        }
        t.subject = subject;
        t.finding = finding;
        changed |= t.wanted.addAll(channels);
        if (!announce(t, clock.instant()) && changed) {
            record(t.line(clock.instant()));  // followed, but held back (silence, acknowledgement) for now
        }
    }

    /** The subject ended: its resolve is owed to the channels that heard of it. */
    private void end(String key, Tracked t, Subject subject) {
        if (t.opened.isEmpty()) {
            record(closed(subject));
            return;
        }
        owe(key, new Owed(subject, new LinkedHashSet<>(t.opened)));
    }

    /** Records the resolve as owed, then hands it to each channel; each delivery (or giving up) pays it off. */
    private void owe(String key, Owed o) {
        owed.put(key, o);
        record(o.line(clock.instant()));
        Notice n = new Notice(Notice.Kind.RESOLVED, o.subject(), clock.instant());
        for (String c : List.copyOf(o.channels())) {
            ChannelSender s = senders.get(c);
            if (s == null) {
                paid(key, c);  // the channel is no longer configured
            } else {
                s.track(n).whenComplete((result, error) -> paid(key, c));
            }
        }
    }

    private synchronized void paid(String key, String channel) {
        Owed o = owed.get(key);
        if (closing || o == null || !o.channels().remove(channel)) {
            return;  // stopping: what was not delivered stays owed for the next start
        }
        if (o.channels().isEmpty()) {
            owed.remove(key);
            record(closed(o.subject()));
        } else {
            record(o.line(clock.instant()));
        }
    }

    private NotificationJournal.Line closed(Subject subject) {
        return new NotificationJournal.Line(clock.instant(), NotificationJournal.Stage.CLOSED, subject, null, Set.of(),
                Set.of(), Set.of(), null);
    }

    /**
     * Opens the subject on the channels that want it and have not heard of it, unless silenced or acknowledged;
     * true when it did (and recorded it).
     */
    private boolean announce(Tracked t, Instant now) {
        if (t.subject.ack() != null || oncall.silences().holding(t.finding).isPresent()) {
            return false;
        }
        List<String> fresh = new ArrayList<>(t.wanted);
        fresh.removeAll(t.opened);
        if (fresh.isEmpty()) {
            return false;
        }
        t.opened.addAll(fresh);
        t.lastSent = now;
        record(t.line(now));  // before the notice leaves: after a crash it is not opened twice, and its resolve is owed
        send(fresh, Notice.Kind.OPENED, t.subject);
        return true;
    }

    /** Appends to the journal; a failure is logged and shown in the status, and never stops a notification. */
    private void record(NotificationJournal.Line line) {
        try {
            journal.append(line, this::stillOpen);
            journalError = null;
        } catch (IOException | RuntimeException e) {
            journalError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.error("cannot record notification state of {} {} in {}: after a restart it may be sent again or "
                    + "its resolve not at all", line.subject().kind().key(), line.subject().id(), journal.dir(), e);
        }
    }

    /**
     * A channel took a notice or gave it up: journalled for the chat, on the ticker's thread, since the channel's worker
     * is interrupted when the agent stops and an interrupt closes the journal's file under the write. A failure to
     * write is logged, never thrown; what ends while the agent stops is not journalled.
     */
    private void recordDelivery(Delivery d) {
        try {
            ticker.execute(() -> {
                try {
                    journal.append(d);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cannot record the delivery of {} {} on {} in {}: the chat will not list it", d.about().key(),
                            d.id(), d.channel(), journal.dir(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("stopping: the delivery of {} {} on {} is not journalled", d.about().key(), d.id(), d.channel());
        }
    }

    /**
     * What the channels took or gave up on the UTC days {@code from} to {@code to} (notices, resolves, repeats and
     * notify actions' messages), oldest first, as {@code notifications-*.jsonl} keeps them.
     */
    public List<Delivery> deliveries(LocalDate from, LocalDate to) throws IOException {
        return journal.deliveries(from, to);
    }

    private List<NotificationJournal.Line> stillOpen() {
        Instant now = clock.instant();
        List<NotificationJournal.Line> out = new ArrayList<>();
        tracked.values().forEach(t -> out.add(t.line(now)));
        owed.values().forEach(o -> out.add(o.line(now)));
        return out;
    }

    /** Repeats, and announcements a silence held back. Runs every {@link #TICK}; tests call it directly. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (Tracked t : tracked.values()) {
            Optional<?> ack = oncall.acknowledgements().find(t.subject.kind(), t.subject.id());
            if (ack.isPresent() || oncall.silences().holding(t.finding).isPresent()) {
                continue;
            }
            if (!announce(t, now) && !config.repeatInterval().isZero() && t.lastSent != null
                    && !now.isBefore(t.lastSent.plus(config.repeatInterval()))) {
                t.lastSent = now;
                record(t.line(now));
                send(t.opened, Notice.Kind.REPEATED, t.subject);
            }
        }
    }

    /** The type of the channel called {@code name} ({@code slack}, ...), if there is one. */
    public Optional<String> channelType(String name) {
        return Optional.ofNullable(senders.get(name)).map(s -> s.channel().type());
    }

    public List<String> channelNames() {
        return List.copyOf(senders.keySet());
    }

    /**
     * A notify action's message to one channel, through its queue, rate limit and retries. Silences do not apply:
     * the rule that sent it was checked against them already. Completes empty once delivered, else with the error.
     */
    public java.util.concurrent.CompletableFuture<Optional<String>> message(String channel, String title, String text,
                                                                            String host) {
        ChannelSender s = senders.get(channel);
        if (s == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.of("no channel '" + channel + "'"));
        }
        Instant now = clock.instant();
        Subject subject = new Subject(FindingKind.MESSAGE, "msg-" + java.util.UUID.randomUUID().toString().substring(0, 13),
                host, title, null, text, "notify action", now, null, Map.of(), null, null);
        return s.track(new Notice(Notice.Kind.OPENED, subject, now));
    }

    private void send(Iterable<String> channels, Notice.Kind kind, Subject subject) {
        Notice n = new Notice(kind, subject, clock.instant());
        for (String c : channels) {
            ChannelSender s = senders.get(c);
            if (s != null) {
                s.offer(n);
            }
        }
    }

    private void forgetOldest() {
        Iterator<Tracked> it = tracked.values().iterator();
        while (tracked.size() > MAX_TRACKED && it.hasNext()) {
            Tracked t = it.next();
            it.remove();
            if (t.subject != null) {
                record(closed(t.subject));
            }
        }
    }

    static String key(FindingKind kind, String id) {
        return kind.key() + ":" + id;
    }

    /** Notices not yet delivered (or given up) on every channel: 0 when all are idle. */
    public int pending() {
        return senders.values().stream().mapToInt(ChannelSender::pending).sum();
    }

    public synchronized int tracking() {
        return tracked.size();
    }

    /** For {@code /status}: each channel's health and counts, and how many subjects are open. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> channels = new ArrayList<>();
        senders.values().forEach(s -> channels.add(s.status()));
        m.put("healthy", senders.values().stream().allMatch(ChannelSender::healthy));
        m.put("channels", channels);
        synchronized (this) {
            m.put("open_subjects", tracked.size());
            m.put("resolves_owed", owed.size());
            if (journalError != null) {
                m.put("journal_error", journalError);
            }
        }
        m.put("repeat_interval", io.smartcloudops.agent.time.DurationText.format(config.repeatInterval()));
        return m;
    }

    @Override
    public void close() {
        closing = true;
        Shutdown.finish(ticker, "the notification ticker");
        senders.values().forEach(ChannelSender::close);
        synchronized (this) {
            journal.close();
        }
    }
}
