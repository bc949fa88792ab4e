package io.smartcloudops.agent.notify;

import java.util.Map;

/** An HTTP POST a channel wants sent: JSON body and extra headers. The URL is the channel's and never logged. */
public record OutgoingRequest(String url, String json, Map<String, String> headers) {

    public OutgoingRequest {
        headers = Map.copyOf(headers);
    }
}
