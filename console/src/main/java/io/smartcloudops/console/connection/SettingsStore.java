package io.smartcloudops.console.connection;

import io.smartcloudops.agent.config.UserDirs;
import io.smartcloudops.api.time.DurationText;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps the console's settings in the user's config directory ({@code $XDG_CONFIG_HOME/smartcloudops},
 * else {@code ~/.config/smartcloudops}): {@code console.properties} for the plain settings and
 * {@code console-remote-token} (readable only by the user) for the remote agent's token. A bad value
 * in the file falls back to its default and is reported, naming the key.
 */
public final class SettingsStore {

    static final String FILE = "console.properties";
    static final String TOKEN_FILE = "console-remote-token";

    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    /** The default directory for this user. */
    public static Path defaultDir(Map<String, String> env) {
        return UserDirs.configHome(env).resolve("smartcloudops");
    }

    /** The directory settings live in (the embedded agent's agent.yaml goes here too). */
    public Path dir() {
        return dir;
    }

    public Path settingsFile() {
        return dir.resolve(FILE);
    }

    public SecretFile remoteToken() {
        return new SecretFile(dir.resolve(TOKEN_FILE));
    }

    /** Problems found by the last {@link #load()}, one sentence each naming the key. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public ConsoleSettings load() {
        problems.clear();
        ConsoleSettings d = ConsoleSettings.defaults();
        Path file = settingsFile();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + " cannot be read (" + e.getMessage() + "): using defaults");
            return d;
        }
        ConsoleSettings.Mode mode = parseEnum(p, "mode", ConsoleSettings.Mode.class, d.mode());
        String url = p.getProperty("remote_url", d.remoteUrl()).trim();
        ConsoleSettings.Theme theme = parseEnum(p, "theme", ConsoleSettings.Theme.class, d.theme());
        double scale = d.fontScale();
        String s = p.getProperty("font_scale");
        if (s != null) {
            try {
                scale = Double.parseDouble(s.trim());
                if (scale < ConsoleSettings.MIN_FONT_SCALE || scale > ConsoleSettings.MAX_FONT_SCALE) {
                    problems.add("font_scale: " + s + " is outside " + ConsoleSettings.MIN_FONT_SCALE + "-"
                            + ConsoleSettings.MAX_FONT_SCALE + ": using 1.0");
                    scale = d.fontScale();
                }
            } catch (NumberFormatException e) {
                problems.add("font_scale: '" + s + "' is not a number: using 1.0");
            }
        }
        Duration refresh = d.refreshInterval();
        String r = p.getProperty("refresh_interval");
        if (r != null) {
            try {
                refresh = validRefresh(DurationText.parse(r.trim()));
            } catch (IllegalArgumentException e) {
                problems.add("refresh_interval: " + e.getMessage() + ": using " + DurationText.format(d.refreshInterval()));
            }
        }
        return new ConsoleSettings(mode, url, theme, scale, refresh);
    }

    /** Accepts 1 s to 5 min. */
    public static Duration validRefresh(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("'" + DurationText.format(d) + "' must be between 1s and 5m");
        }
        return d;
    }

    private <E extends Enum<E>> E parseEnum(Properties p, String key, Class<E> type, E fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(key + ": unknown value '" + v + "': using " + fallback.name().toLowerCase(Locale.ROOT));
            return fallback;
        }
    }

    /** Writes the settings atomically (never the token: see {@link #remoteToken()}). */
    public void save(ConsoleSettings s) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("mode", s.mode().name().toLowerCase(Locale.ROOT));
        p.setProperty("remote_url", s.remoteUrl());
        p.setProperty("theme", s.theme().name().toLowerCase(Locale.ROOT));
        p.setProperty("font_scale", Double.toString(s.fontScale()));
        p.setProperty("refresh_interval", DurationText.format(s.refreshInterval()));
        Path tmp = dir.resolve(FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Smart Cloud Ops AI console settings (the remote token is in " + TOKEN_FILE + ")");
        }
        Files.move(tmp, settingsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The remote token, when one was saved. */
    public Optional<String> loadRemoteToken() {
        try {
            return remoteToken().read();
        } catch (IOException e) {
            problems.add(TOKEN_FILE + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }
}
