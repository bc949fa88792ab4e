package io.smartcloudops.agent.http;

import io.javalin.http.sse.SseClient;
import io.smartcloudops.agent.events.EventBus;
import io.smartcloudops.api.Json;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /events}: fans bus events out to Server-Sent-Event clients. Each client has its own bounded
 * queue and writer thread, so one slow client never delays the agent or the others; a client whose
 * queue overflows is disconnected (it reconnects and back-fills through the REST API).
 */
public final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final int QUEUE = 2048;
    private static final long HEARTBEAT_SECONDS = 15;

    private record Outgoing(String type, String json) {
    }

    private final class Client {
        final SseClient sse;
        final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean open = true;

        Client(SseClient sse) {
            this.sse = sse;
        }

        void run() {
            try {
                sse.sendComment("connected");
                while (open && !sse.terminated()) {
                    Outgoing o = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    if (o == null) {
                        sse.sendComment("keep-alive");
                    } else {
                        sse.sendEvent(o.type(), o.json());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("SSE client gone: {}", e.toString());
            } finally {
                drop(this);
            }
        }
    }

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final EventBus bus;

    public EventStream(EventBus bus) {
        this.bus = bus;
    }

    /** Forwards bus events of {@code type} as SSE events named {@code name}, each rendered by {@code toPayload}. */
    public <T> void forward(Class<T> type, String name, Function<? super T, Object> toPayload) {
        bus.subscribe(type, event -> {
            Object payload = toPayload.apply(event);
            if (payload != null) {
                send(name, payload);
            }
        });
    }

    /** Like {@link #forward} for events that expand into several SSE events (e.g. one per sample). */
    public <T> void forwardEach(Class<T> type, String name, Function<? super T, ? extends Iterable<?>> toPayloads) {
        bus.subscribe(type, event -> {
            for (Object payload : toPayloads.apply(event)) {
                send(name, payload);
            }
        });
    }

    public void send(String type, Object payload) {
        if (clients.isEmpty()) {
            return;
        }
        Outgoing o = new Outgoing(type, Json.write(payload));
        for (Client c : clients) {
            if (!c.queue.offer(o)) {
                dropped.incrementAndGet();
                LOG.warn("SSE client too slow ({} events queued): disconnecting it", QUEUE);
                c.open = false;
                c.sse.close();
                drop(c);
            }
        }
    }

    /** The handler for {@code GET /events}. */
    public void accept(SseClient sse) {
        sse.keepAlive();
        Client c = new Client(sse);
        clients.add(c);
        sse.onClose(() -> {
            c.open = false;
            drop(c);
        });
        Thread.ofVirtual().name("sse-client").start(c::run);
    }

    private void drop(Client c) {
        clients.remove(c);
    }

    public int clientCount() {
        return clients.size();
    }

    public long droppedClients() {
        return dropped.get();
    }

    @Override
    public void close() {
        for (Client c : clients) {
            c.open = false;
            c.sse.close();
        }
        clients.clear();
    }
}
