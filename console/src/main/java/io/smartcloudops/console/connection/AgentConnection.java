package io.smartcloudops.console.connection;

import io.smartcloudops.api.Json;
import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.client.AgentClient;
import io.smartcloudops.api.client.AgentEventListener;
import io.smartcloudops.api.client.EventSubscription;
import io.smartcloudops.api.status.AgentStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one link to an agent: REST calls through {@link AgentClient} off the UI thread, the
 * {@code /events} subscription (which reconnects with back-off), a {@code /status} poll, and the
 * connection state the banner shows. Every callback runs on the {@code ui} executor (the JavaFX thread
 * in the app, the calling thread in tests); bursts of events are delivered in one batch.
 */
public final class AgentConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentConnection.class);

    private record Typed<T>(Class<T> type, Consumer<? super T> consumer) {
        void deliver(String json, Executor target) {
            T value;
            try {
                value = Json.mapper().readValue(json, type);
            } catch (IOException | RuntimeException e) {
                LOG.warn("event of type {} not understood: {}", type.getSimpleName(), e.getMessage());
                return;
            }
            target.execute(() -> consumer.accept(value));
        }
    }

    private final AgentEndpoint endpoint;
    private final AgentClient client;
    private final Executor ui;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("status-poll").factory());
    private final ReadOnlyObjectWrapper<ConnectionState> state;
    private final ReadOnlyObjectWrapper<AgentStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyObjectWrapper<WhoAmI> whoami = new ReadOnlyObjectWrapper<>(this, "whoami");
    private final ReadOnlyObjectWrapper<Set<String>> offeredPaths = new ReadOnlyObjectWrapper<>(this, "offeredPaths", Set.of());
    private final Map<String, List<Typed<?>>> listeners = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Executor batched = this::enqueue;
    private volatile boolean streamUp;
    private volatile boolean needsProbe = true;
    private volatile EventSubscription subscription;
    private volatile boolean closed;

    public AgentConnection(AgentEndpoint endpoint, Executor ui) {
        this.endpoint = endpoint;
        this.client = AgentClient.create(endpoint.url(), endpoint.token(), Duration.ofSeconds(5));
        this.ui = ui;
        this.state = new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.connecting(endpoint.url()));
    }

    public AgentEndpoint endpoint() {
        return endpoint;
    }

    /** Starts the event stream and the status poll. */
    public void start(Duration refreshInterval) {
        subscription = client.subscribe(new AgentEventListener() {
            @Override
            public void onEvent(String type, String json) {
                for (Typed<?> t : listeners.getOrDefault(type, List.of())) {
                    t.deliver(json, batched);
                }
            }

            @Override
            public void onConnected() {
                streamUp = true;
                needsProbe = true;
                ui.execute(() -> {
                    state.set(ConnectionState.connected(endpoint.url()));
                    reconnectListeners.forEach(Runnable::run);
                });
                poller.execute(AgentConnection.this::poll);
            }

            @Override
            public void onDisconnected(Throwable cause, Duration retryIn) {
                streamUp = false;
                ConnectionState s = describe(cause, retryIn);
                ui.execute(() -> state.set(s));
            }
        });
        long ms = refreshInterval.toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, ms, TimeUnit.MILLISECONDS);
    }

    private ConnectionState describe(Throwable cause, Duration retryIn) {
        String msg = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (msg.contains("answered 401") || msg.contains("answered 403")) {
            return new ConnectionState(ConnectionState.Kind.UNAUTHORIZED, "The agent at " + endpoint.url()
                    + " refused the token (" + msg + "). Set the token in Settings (Ctrl+,).");
        }
        return new ConnectionState(ConnectionState.Kind.UNREACHABLE, "Agent at " + endpoint.url() + " unreachable ("
                + msg + "); retrying in " + retryIn.toMillis() / 1000.0 + " s");
    }

    private void poll() {
        try {
            AgentStatus s = client.status();
            if (needsProbe) {
                needsProbe = false;
                WhoAmI who = probeWhoAmI();
                Set<String> paths = probePaths();
                ui.execute(() -> {
                    whoami.set(who);
                    offeredPaths.set(paths);
                });
            }
            ui.execute(() -> {
                status.set(s);
                if (streamUp && !state.get().isConnected()) {
                    state.set(ConnectionState.connected(endpoint.url()));
                }
            });
        } catch (AgentApiException e) {
            needsProbe = true;
            ConnectionState s = e.status() == 401 || e.status() == 403
                    ? new ConnectionState(ConnectionState.Kind.UNAUTHORIZED, "The agent at " + endpoint.url()
                    + " refused the token: " + e.error().detail() + ". Set the token in Settings (Ctrl+,).")
                    : new ConnectionState(ConnectionState.Kind.UNREACHABLE, e.unreachable()
                    ? "Agent at " + endpoint.url() + " unreachable; retrying"
                    : "Agent at " + endpoint.url() + " answered " + e.getMessage());
            ui.execute(() -> state.set(s));
        } catch (RuntimeException e) {
            LOG.warn("status poll failed", e);
        }
    }

    private WhoAmI probeWhoAmI() {
        try {
            return client.whoami();
        } catch (AgentApiException e) {
            // an agent without /whoami: the role shows when an action is refused
            return new WhoAmI("unknown", "unknown");
        }
    }

    private Set<String> probePaths() {
        try {
            return Set.copyOf(client.offeredPaths());
        } catch (AgentApiException e) {
            return Set.of();
        }
    }

    private void enqueue(Runnable r) {
        inbox.add(r);
        if (drainScheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Runnable r;
        while ((r = inbox.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("event listener failed", e);
            }
        }
    }

    /** Receives SSE events named {@code type}, decoded as {@code cls}, on the UI executor. */
    public <T> void on(String type, Class<T> cls, Consumer<? super T> consumer) {
        listeners.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>()).add(new Typed<>(cls, consumer));
    }

    /** Runs on the UI executor whenever the event stream (re)connects: time to back-fill. */
    public void onReconnected(Runnable r) {
        reconnectListeners.add(r);
    }

    /** Runs {@code request} off the UI thread and hands the result or the error to the UI executor. */
    public <T> void call(Function<AgentClient, T> request, Consumer<? super T> onSuccess,
                         Consumer<? super AgentApiException> onError) {
        if (closed) {
            return;
        }
        io.execute(() -> {
            try {
                T result = request.apply(client);
                if (!closed) {
                    ui.execute(() -> onSuccess.accept(result));
                }
            } catch (AgentApiException e) {
                if (!closed) {
                    ui.execute(() -> onError.accept(e));
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return; // a call cut short by close(): nobody waits for it
                }
                LOG.error("agent call failed", e);
                AgentApiException wrapped = new AgentApiException("unexpected failure: " + e, e);
                ui.execute(() -> onError.accept(wrapped));
            }
        });
    }

    /** Polls {@code /status} now (after an action, or when the user asks). */
    public void refreshNow() {
        poller.execute(this::poll);
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The latest {@code /status}; null until the first answer. */
    public ReadOnlyObjectProperty<AgentStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The token's role; null until known, role {@code unknown} when the agent has no {@code /whoami}. */
    public ReadOnlyObjectProperty<WhoAmI> whoamiProperty() {
        return whoami.getReadOnlyProperty();
    }

    /** Paths the agent documents in its {@code /openapi.yaml}; empty until known. */
    public ReadOnlyObjectProperty<Set<String>> offeredPathsProperty() {
        return offeredPaths.getReadOnlyProperty();
    }

    @Override
    public void close() {
        closed = true;
        EventSubscription s = subscription;
        if (s != null) {
            s.close();
        }
        poller.shutdownNow();
        io.shutdown(); // no interrupts: OkHttp turns them into errors; calls end within their timeout, answers are dropped
        client.close();
    }
}
