package io.smartcloudops.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 "server" that misbehaves the ways real endpoints and proxies do: it never answers,
 * stalls in the middle of a body, closes after half a body, answers HTML (a proxy's error page), resets
 * the connection, or sends bytes that are not HTTP. Counts the requests it got (retries show up there).
 */
public final class MisbehavingServer implements AutoCloseable {

    /** How it misbehaves. */
    public enum Fault {
        /** reads the request, then says nothing and keeps the connection open */
        HANG,
        /** 200 with a Content-Length it never finishes, then keeps the connection open */
        STALL_MID_BODY,
        /** 200 with a Content-Length it never finishes, then closes */
        TRUNCATED_BODY,
        /** 200 text/html: a captive portal or proxy page instead of JSON */
        HTML_200,
        /** 502 text/html from a proxy in front of the model */
        HTML_502,
        /** closes the connection without a byte (TCP reset) */
        RESET,
        /** bytes that are not HTTP at all */
        NOT_HTTP,
        /** 200 application/json whose JSON is the wrong shape */
        WRONG_JSON
    }

    /** Text in the HTML answers that must never reach a user. */
    public static final String PAGE_MARKER = "proxy-page-marker-7f3a";

    private final ServerSocket server;
    private final Fault fault;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    public MisbehavingServer(Fault fault) throws IOException {
        this.fault = fault;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("misbehaving-" + fault).start(this::acceptLoop);
    }

    /** A base URL for an OpenAI-compatible client, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    public int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> handle(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket s) {
        try {
            readRequest(s.getInputStream());
            requests.incrementAndGet();
            OutputStream out = s.getOutputStream();
            switch (fault) {
                case HANG -> park();
                case STALL_MID_BODY -> {
                    out.write(head(200, "application/json", 5000).getBytes(StandardCharsets.UTF_8));
                    out.write("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"par".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    park();
                }
                case TRUNCATED_BODY -> {
                    out.write(head(200, "application/json", 5000).getBytes(StandardCharsets.UTF_8));
                    out.write("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"par".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    s.close();
                }
                case HTML_200, HTML_502 -> {
                    byte[] page = ("<!DOCTYPE html><html><head><title>Gateway</title></head><body><h1>Sign in to continue</h1>"
                            + "<script>var token='" + PAGE_MARKER + "';</script><p>" + PAGE_MARKER + "</p></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(head(fault == Fault.HTML_200 ? 200 : 502, "text/html", page.length).getBytes(StandardCharsets.UTF_8));
                    out.write(page);
                    out.flush();
                    s.close();
                }
                case RESET -> {
                    s.setSoLinger(true, 0);
                    s.close();
                }
                case NOT_HTTP -> {
                    out.write(("SSH-2.0-OpenSSH_9.2 " + PAGE_MARKER + "\r\n\u0000\u0001\u0002").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    s.close();
                }
                case WRONG_JSON -> {
                    byte[] body = ("{\"choices\": \"" + PAGE_MARKER + "\", \"usage\": [1, 2]}").getBytes(StandardCharsets.UTF_8);
                    out.write(head(200, "application/json", body.length).getBytes(StandardCharsets.UTF_8));
                    out.write(body);
                    out.flush();
                    s.close();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up: that is the point
        }
    }

    /** Holds the connection (answers nothing) until the server is closed. */
    private void park() throws InterruptedException {
        closing.await();
    }

    private static String head(int status, String type, int length) {
        return "HTTP/1.1 " + status + (status == 200 ? " OK" : " Bad Gateway") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        closing.countDown();
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
