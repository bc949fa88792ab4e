package io.smartcloudops.console.connection;

import java.time.Duration;

/**
 * What the operator chose in Settings. The token of a remote agent is not part of it: it lives in a
 * file only the user can read (see {@link SettingsStore}).
 *
 * @param mode            embedded agent on this machine, or a remote agent at {@code remoteUrl}
 * @param remoteUrl       the remote agent's base URL (empty when never set)
 * @param theme           dark (default) or light
 * @param fontScale       1.0 = 100 %
 * @param refreshInterval how often {@code /status} is polled (samples arrive live over SSE regardless)
 */
public record ConsoleSettings(Mode mode, String remoteUrl, Theme theme, double fontScale, Duration refreshInterval) {

    /** Where the agent runs. */
    public enum Mode { EMBEDDED, REMOTE }

    /** The console's colour theme. */
    public enum Theme { DARK, LIGHT }

    public static final double MIN_FONT_SCALE = 0.8;
    public static final double MAX_FONT_SCALE = 2.0;

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Mode.EMBEDDED, "", Theme.DARK, 1.0, Duration.ofSeconds(5));
    }

    public ConsoleSettings withTheme(Theme t) {
        return new ConsoleSettings(mode, remoteUrl, t, fontScale, refreshInterval);
    }

    public ConsoleSettings withFontScale(double s) {
        double clamped = Math.max(MIN_FONT_SCALE, Math.min(MAX_FONT_SCALE, Math.round(s * 10) / 10.0));
        return new ConsoleSettings(mode, remoteUrl, theme, clamped, refreshInterval);
    }

    public ConsoleSettings withConnection(Mode m, String url) {
        return new ConsoleSettings(m, url, theme, fontScale, refreshInterval);
    }

    public ConsoleSettings withRefreshInterval(Duration d) {
        return new ConsoleSettings(mode, remoteUrl, theme, fontScale, d);
    }
}
