package io.smartcloudops.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: raw request targets
 * ({@code /remediations/../status}), header values with control or non-ASCII bytes, repeated headers,
 * bodies that do not match their Content-Type. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** A response: status, headers (names lower-case, last value wins), body decoded as UTF-8. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final String localAddress;

    public RawHttp(String baseUrl) {
        this(baseUrl, null);
    }

    /** Connects from {@code localAddress} (e.g. {@code 127.0.0.2}: another client on loopback). */
    public RawHttp(String baseUrl, String localAddress) {
        java.net.URI u = java.net.URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort();
        this.localAddress = localAddress;
    }

    /**
     * Sends {@code method target HTTP/1.1} with {@code headers} (name, value pairs, sent as given, in order)
     * and {@code body} (Content-Length added unless a header of that name is given).
     */
    public Response send(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        write(req, method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n");
        boolean length = false;
        for (String[] h : headers) {
            length |= h[0].equalsIgnoreCase("Content-Length") || h[0].equalsIgnoreCase("Transfer-Encoding");
            write(req, h[0] + ": " + h[1] + "\r\n");
        }
        if (!length && body != null) {
            write(req, "Content-Length: " + body.length + "\r\n");
        }
        write(req, "\r\n");
        try (Socket s = new Socket()) {
            if (localAddress != null) {
                s.bind(new InetSocketAddress(localAddress, 0));
            }
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toByteArray());
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException refusedEarly) {
                    // the server may answer (413) and close before reading a huge body: read its answer
                }
            }
            out.flush();
            return parse(readAll(s.getInputStream()));
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset after the answer was sent: keep what arrived
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete HTTP response (" + raw.length + " bytes): "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(in, i, in.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(in, i, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            i += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(in, i, Math.min(size, in.length - i));
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A header pair for {@link #send}. */
    public static String[] header(String name, String value) {
        return new String[] {name, value};
    }

    /** Convenience for a list of pairs. */
    public static List<String[]> headers(String... nameValue) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            out.add(header(nameValue[i], nameValue[i + 1]));
        }
        return out;
    }
}
