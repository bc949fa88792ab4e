package io.smartcloudops.agent.notify;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Routes anomalies (by severity, {@code notify.anomalies}) and alerts (by their {@code severity} label,
 * {@code notify.alerts}) to channels. Each subject opens one notification per channel and its end sends the
 * resolve to the channels that heard of it. While a silence holds, nothing is sent (a subject that opened
 * under a silence is announced once the silence is over, if it is still open); while it is acknowledged, no
 * repeats. Repeats go every {@code notify.repeat_interval}. Handing a notice to a channel never waits: each
 * channel delivers on its own thread ({@link ChannelSender}).
 */
public final class Notifier implements AutoCloseable {

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
    }

    private final NotifyConfig config;
    private final Map<String, ChannelSender> senders = new LinkedHashMap<>();
    private final Oncall oncall;
    private final Clock clock;
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker;

    public Notifier(NotifyConfig config, List<Channel> channels, Oncall oncall, Clock clock, PrometheusRegistry registry) {
        this.config = config;
        this.oncall = oncall;
        this.clock = clock;
        NotifyMetrics metrics = new NotifyMetrics(registry);
        OkHttpClient http = new OkHttpClient();
        DeliveryPolicy policy = DeliveryPolicy.of(config);
        for (Channel c : channels) {
            senders.put(c.name(), new ChannelSender(c, policy, http, clock, metrics));
        }
        GaugeWithCallback.builder().name("smartcloudops_notification_channel_healthy")
                .help("1 unless the channel's last notification failed for good (every attempt, or a final 4xx)")
                .labelNames("channel")
                .callback(cb -> senders.forEach((name, s) -> cb.call(s.healthy() ? 1 : 0, name))).register(registry);
        GaugeWithCallback.builder().name("smartcloudops_notifications_queued")
                .help("Notifications waiting in the channel's queue").labelNames("channel")
                .callback(cb -> senders.forEach((name, s) -> cb.call(s.queued(), name))).register(registry);
        this.ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("notify-tick").factory());
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
            if (t != null && !t.opened.isEmpty()) {
                send(t.opened, Notice.Kind.RESOLVED, subject);
            }
            return;
        }
        Tracked t = tracked.get(key);
        if (t == null) {
            if (channels.isEmpty()) {
                return;
            }
            t = new Tracked();
            tracked.put(key, t);
            forgetOldest();
        }
        t.subject = subject;
        t.finding = finding;
        t.wanted.addAll(channels);
        announce(t, clock.instant());
    }

    /** Opens the subject on the channels that want it and have not heard of it, unless silenced or acknowledged. */
    private void announce(Tracked t, Instant now) {
        if (t.subject.ack() != null || oncall.silences().holding(t.finding).isPresent()) {
            return;
        }
        List<String> fresh = new ArrayList<>(t.wanted);
        fresh.removeAll(t.opened);
        if (!fresh.isEmpty()) {
            send(fresh, Notice.Kind.OPENED, t.subject);
            t.opened.addAll(fresh);
            t.lastSent = now;
        }
    }

    /** Repeats, and announcements a silence held back. Runs every {@link #TICK}; tests call it directly. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (Tracked t : tracked.values()) {
            Optional<?> ack = oncall.acknowledgements().find(t.subject.kind(), t.subject.id());
            if (ack.isPresent() || oncall.silences().holding(t.finding).isPresent()) {
                continue;
            }
            int before = t.opened.size();
            announce(t, now);
            if (t.opened.size() == before && !config.repeatInterval().isZero() && t.lastSent != null
                    && !now.isBefore(t.lastSent.plus(config.repeatInterval()))) {
                send(t.opened, Notice.Kind.REPEATED, t.subject);
                t.lastSent = now;
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
        Iterator<String> it = tracked.keySet().iterator();
        while (tracked.size() > MAX_TRACKED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String key(FindingKind kind, String id) {
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
        m.put("open_subjects", tracking());
        m.put("repeat_interval", io.smartcloudops.agent.time.DurationText.format(config.repeatInterval()));
        return m;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.values().forEach(ChannelSender::close);
    }
}
