package io.smartcloudops.agent.http;

import java.util.Map;

/**
 * An error a handler answers with: status, a short stable {@code error}, and a {@code detail} naming what
 * was wrong. Rendered as {@code {"error": "...", "detail": "..."}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final String detail;
    private final Map<String, String> headers;

    public ApiException(int status, String error, String detail) {
        this(status, error, detail, Map.of());
    }

    public ApiException(int status, String error, String detail, Map<String, String> headers) {
        super(status + " " + error + ": " + detail, null, false, false);
        this.status = status;
        this.error = error;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
    }

    /** 400 naming the parameter or field. */
    public static ApiException badParameter(String name, String detail) {
        return new ApiException(400, "bad parameter", name + ": " + detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not found", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
