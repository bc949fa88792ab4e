package io.smartcloudops.api.client;

import io.smartcloudops.api.ApiError;

/** The agent answered with an error status (4xx/5xx) or could not be reached (status 0). */
public final class AgentApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    public AgentApiException(int status, ApiError error) {
        super(status + " " + error.error() + (error.detail() == null ? "" : ": " + error.detail()));
        this.status = status;
        this.error = error;
    }

    public AgentApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.error = new ApiError("unreachable", message);
    }

    /** HTTP status, or 0 when the agent could not be reached. */
    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
