package io.smartcloudops.agent.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process publish/subscribe by event type. Delivery is synchronous on the publisher's thread, in
 * subscription order; a failing subscriber is logged and does not stop the others.
 */
public final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private record Subscriber<T>(Class<T> type, Consumer<? super T> handler) {
        void offer(Object event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();

    /** Subscribes to events of {@code type} (and its subtypes); the returned handle unsubscribes. */
    public <T> AutoCloseable subscribe(Class<T> type, Consumer<? super T> handler) {
        Subscriber<T> s = new Subscriber<>(type, handler);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public void publish(Object event) {
        for (Subscriber<?> s : subscribers) {
            try {
                s.offer(event);
            } catch (RuntimeException e) {
                LOG.error("subscriber for {} failed on {}", s.type().getSimpleName(), event.getClass().getSimpleName(), e);
            }
        }
    }
}
