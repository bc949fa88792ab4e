package io.smartcloudops.agent.detect;

import java.util.Locale;

/** The cycle a metric's expected value follows, once its history shows one. */
public enum Season {
    /** no cycle found (yet): expected = the recent level */
    NONE,
    /** a daily cycle: expected = this time of day on recent days */
    DAILY,
    /** a weekly cycle: expected = this time of the week in recent weeks */
    WEEKLY;

    /** {@code none}, {@code daily}, {@code weekly}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
