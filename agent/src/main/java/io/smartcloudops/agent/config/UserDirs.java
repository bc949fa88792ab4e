package io.smartcloudops.agent.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's base directories as the XDG Base Directory specification defines them: {@code $XDG_CONFIG_HOME} or
 * {@code $XDG_DATA_HOME} when set to an absolute path (a relative one is ignored, as the specification says), else
 * under {@code $HOME} as the shell has it, and only without {@code HOME} under Java's {@code user.home}, which comes
 * from the password database and ignores a {@code HOME} set for the process (a systemd unit, a container, a test).
 */
public final class UserDirs {

    private UserDirs() {
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code $HOME/.config}. */
    public static Path configHome(Map<String, String> env) {
        return base(env, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_DATA_HOME}, else {@code $HOME/.local/share}. */
    public static Path dataHome(Map<String, String> env) {
        return base(env, "XDG_DATA_HOME", ".local", "share");
    }

    /** {@code $HOME}, else Java's {@code user.home}. */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    private static Path base(Map<String, String> env, String variable, String first, String... more) {
        String xdg = env.get(variable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return home(env).resolve(Path.of(first, more));
    }
}
