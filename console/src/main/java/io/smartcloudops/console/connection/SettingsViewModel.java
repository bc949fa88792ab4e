package io.smartcloudops.console.connection;

import io.smartcloudops.api.time.DurationText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings screen: connection (embedded agent or a remote URL + token), theme, font scale and
 * refresh interval. Checks every field and names the one that is wrong; saves nothing until all are
 * right. The token goes to a file only the user can read, never to the settings file.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final ObjectProperty<ConsoleSettings.Mode> mode = new SimpleObjectProperty<>(this, "mode");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ObjectProperty<ConsoleSettings.Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale");
    private final StringProperty refresh = new SimpleStringProperty(this, "refresh", "");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper(this, "urlError", "");
    private final ReadOnlyStringWrapper tokenError = new ReadOnlyStringWrapper(this, "tokenError", "");
    private final ReadOnlyStringWrapper refreshError = new ReadOnlyStringWrapper(this, "refreshError", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final String tokenLocation;
    private ConsoleSettings saved;

    public SettingsViewModel(SettingsStore store, ConsoleSettings current, String embeddedTokenLocation) {
        this.store = store;
        this.saved = current;
        this.tokenLocation = "The remote agent's token is kept in " + store.remoteToken().path()
                + " (readable only by you), never in " + store.settingsFile().getFileName() + "."
                + (embeddedTokenLocation.isEmpty() ? "" : " The embedded agent's token is in " + embeddedTokenLocation + ".");
        reset(current);
        url.addListener((o, a, b) -> urlError.set(""));
        token.addListener((o, a, b) -> tokenError.set(""));
        refresh.addListener((o, a, b) -> refreshError.set(""));
    }

    /** Puts the fields back to {@code s}. */
    public void reset(ConsoleSettings s) {
        mode.set(s.mode());
        url.set(s.remoteUrl());
        token.set("");
        theme.set(s.theme());
        fontScale.set(s.fontScale());
        refresh.set(DurationText.format(s.refreshInterval()));
    }

    /** The settings the fields describe, or empty with the field errors set. */
    public Optional<ConsoleSettings> validate() {
        boolean ok = true;
        Duration interval = null;
        try {
            interval = SettingsStore.validRefresh(DurationText.parse(refresh.get().trim()));
        } catch (IllegalArgumentException e) {
            refreshError.set("Refresh interval: " + e.getMessage());
            ok = false;
        }
        if (mode.get() == ConsoleSettings.Mode.REMOTE) {
            Optional<String> bad = checkUrl(url.get());
            if (bad.isPresent()) {
                urlError.set("Agent URL: " + bad.get());
                ok = false;
            }
            if (token.get().isBlank() && store.loadRemoteToken().isEmpty()) {
                tokenError.set("Token: required for a remote agent (viewer or operator token)");
                ok = false;
            } else if (!token.get().isBlank() && token.get().trim().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                tokenError.set("Token: contains spaces or control characters; paste the token alone");
                ok = false;
            }
        }
        if (!ok) {
            message.set("Nothing was saved: fix the fields marked in red.");
            return Optional.empty();
        }
        return Optional.of(new ConsoleSettings(mode.get(), url.get().trim().replaceFirst("/+$", ""), theme.get(),
                fontScale.get(), interval));
    }

    /** Checks that {@code text} is an http(s) URL with a host; empty when fine. */
    public static Optional<String> checkUrl(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return Optional.of("required for a remote agent, e.g. http://10.0.1.5:8080");
        }
        try {
            URI u = new URI(t);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                return Optional.of("'" + t + "' must start with http:// or https://");
            }
            if (u.getHost() == null || u.getHost().isBlank()) {
                return Optional.of("'" + t + "' has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("'" + t + "' is not a URL (" + e.getReason() + ")");
        }
    }

    /**
     * A token sent with plain HTTP to another machine can be read on the way: says so for an {@code http://}
     * URL whose host is not this machine; empty for https and loopback.
     */
    public static Optional<String> plainHttpWarning(String url) {
        try {
            URI u = new URI(url.trim());
            String host = u.getHost() == null ? "" : u.getHost().replaceAll("^\\[|]$", "");
            boolean loopback = host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1");
            if ("http".equalsIgnoreCase(u.getScheme()) && !host.isEmpty() && !loopback) {
                return Optional.of("Warning: http:// sends the token to " + host
                        + " unencrypted; use https:// (a TLS proxy or load balancer) or an SSH/SSM tunnel to 127.0.0.1.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Validates and saves. The token (when typed) goes to the user-only file.
     *
     * @return the saved settings, or empty when a field is wrong or saving failed (see {@link #messageProperty()})
     */
    public Optional<ConsoleSettings> apply() {
        Optional<ConsoleSettings> s = validate();
        if (s.isEmpty()) {
            return s;
        }
        try {
            if (s.get().mode() == ConsoleSettings.Mode.REMOTE && !token.get().isBlank()) {
                store.remoteToken().write(token.get().trim());
            }
            store.save(s.get());
        } catch (IOException e) {
            message.set("Could not save the settings: " + e.getMessage());
            return Optional.empty();
        }
        token.set("");
        saved = s.get();
        String warning = s.get().mode() == ConsoleSettings.Mode.REMOTE
                ? plainHttpWarning(s.get().remoteUrl()).map(w -> " " + w).orElse("") : "";
        message.set("Saved to " + store.settingsFile() + "." + warning);
        return s;
    }

    /** Whether applying would reconnect (mode or URL changed, or a new token typed). */
    public BooleanBinding connectionChanged() {
        return Bindings.createBooleanBinding(() -> mode.get() != saved.mode()
                || !url.get().trim().equals(saved.remoteUrl()) || !token.get().isBlank(), mode, url, token);
    }

    public ConsoleSettings saved() {
        return saved;
    }

    public String tokenLocation() {
        return tokenLocation;
    }

    public ObjectProperty<ConsoleSettings.Mode> modeProperty() {
        return mode;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ObjectProperty<ConsoleSettings.Theme> themeProperty() {
        return theme;
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public StringProperty refreshProperty() {
        return refresh;
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenErrorProperty() {
        return tokenError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshErrorProperty() {
        return refreshError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
