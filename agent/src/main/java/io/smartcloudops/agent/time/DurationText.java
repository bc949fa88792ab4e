package io.smartcloudops.agent.time;

import java.time.Duration;

/**
 * Moved to {@link io.smartcloudops.api.time.DurationText} (the console needs it too, and may not reach
 * into the agent). This forwarder only keeps work started before the move compiling; use the api class.
 */
@Deprecated(forRemoval = true)
public final class DurationText {

    private DurationText() {
    }

    public static Duration parse(String text) {
        return io.smartcloudops.api.time.DurationText.parse(text);
    }

    public static String format(Duration d) {
        return io.smartcloudops.api.time.DurationText.format(d);
    }
}
