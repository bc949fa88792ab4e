package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.auth.TokenFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the token, the console's settings and the embedded agent's logs go: the XDG variables when absolute, else under
 * the process's {@code HOME} (a systemd unit or a container sets it; Java's {@code user.home} ignores it).
 */
class UserDirsTest {

    @Test
    void homeFromTheEnvironmentWinsOverJavasUserHome() {
        Map<String, String> env = Map.of("HOME", "/srv/ops");
        assertThat(UserDirs.configHome(env)).isEqualTo(Path.of("/srv/ops/.config"));
        assertThat(UserDirs.dataHome(env)).isEqualTo(Path.of("/srv/ops/.local/share"));
        assertThat(TokenFile.defaultPath(env)).isEqualTo(Path.of("/srv/ops/.config/smartcloudops/token"));
    }

    @Test
    void absoluteXdgDirectoriesWinAndRelativeOnesAreIgnored() {
        assertThat(UserDirs.configHome(Map.of("HOME", "/srv/ops", "XDG_CONFIG_HOME", "/etc/xdg-ops")))
                .isEqualTo(Path.of("/etc/xdg-ops"));
        assertThat(UserDirs.dataHome(Map.of("HOME", "/srv/ops", "XDG_DATA_HOME", "/var/lib/ops")))
                .isEqualTo(Path.of("/var/lib/ops"));
        assertThat(UserDirs.configHome(Map.of("HOME", "/srv/ops", "XDG_CONFIG_HOME", "relative/dir")))
                .as("the specification: a relative path is invalid and ignored").isEqualTo(Path.of("/srv/ops/.config"));
    }

    @Test
    void withoutHomeJavasUserHomeIsUsed() {
        assertThat(UserDirs.configHome(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".config"));
        assertThat(UserDirs.home(Map.of("HOME", " "))).isEqualTo(Path.of(System.getProperty("user.home")));
    }
}
