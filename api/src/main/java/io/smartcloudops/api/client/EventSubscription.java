package io.smartcloudops.api.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A live subscription to {@code GET /events}. Reconnects with exponential back-off (capped) until
 * {@link #close()}. Parses the text/event-stream format itself: {@code event:} and {@code data:} lines,
 * an empty line ends an event, lines starting with {@code :} are comments (keep-alives).
 */
public final class EventSubscription implements AutoCloseable {

    static final Duration MIN_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long close waits for the subscription's thread (cancelled and interrupted, it ends in milliseconds). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final OkHttpClient http;
    private final Request request;
    private final AgentEventListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile Call current;

    EventSubscription(OkHttpClient http, Request request, AgentEventListener listener) {
        // An endless stream: no call timeout (the client's would cut it every few seconds); a stream that
        // stays silent past the 15 s keep-alives is detected by the read timeout instead.
        this.http = http.newBuilder().readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ZERO).build();
        this.request = request;
        this.listener = listener;
        this.thread = Thread.ofVirtual().name("agent-events").unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        while (!closed.get()) {
            Throwable cause;
            try {
                readStream();
                cause = new IOException("event stream ended");
                backoff = MIN_BACKOFF;
            } catch (IOException | RuntimeException e) {
                cause = e;
            }
            if (closed.get()) {
                return;
            }
            listener.onDisconnected(cause, backoff);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void readStream() throws IOException {
        Call call = http.newCall(request);
        current = call;
        if (closed.get()) {
            return;  // closed before this call was current: close could not cancel it
        }
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET /events answered " + response.code());
            }
            listener.onConnected();
            ResponseBody body = response.body();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(body.byteStream(), StandardCharsets.UTF_8))) {
                String type = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while (!closed.get() && (line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            listener.onEvent(type, data.toString());
                        }
                        type = "message";
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        continue;
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        if (!data.isEmpty()) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
            }
        }
    }

    /** Whether the subscription still runs (true until {@link #close()}). */
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Call call = current;
            if (call != null) {
                call.cancel();
            }
            thread.interrupt();
            if (thread != Thread.currentThread()) {
                try {
                    thread.join(CLOSE_WAIT.toMillis());  // a listener called now is done before close returns
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
