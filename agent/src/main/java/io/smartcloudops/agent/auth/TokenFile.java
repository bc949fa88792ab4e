package io.smartcloudops.agent.auth;

import io.smartcloudops.agent.config.UserDirs;
import io.smartcloudops.api.auth.PrivateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The operator token an agent makes for itself when none is configured, so a newcomer is never stuck:
 * 32 random bytes, base64url, in a file only the user can read ({@code ~/.config/smartcloudops/token},
 * or under {@code $XDG_CONFIG_HOME}). Reused on later starts.
 */
public final class TokenFile {

    /** The token and where it is kept; {@code created} when this start made it. */
    public record Generated(Path path, String token, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFile() {
    }

    /** Default location: {@code $XDG_CONFIG_HOME/smartcloudops/token}, else {@code ~/.config/smartcloudops/token}. */
    public static Path defaultPath(Map<String, String> env) {
        return UserDirs.configHome(env).resolve("smartcloudops").resolve("token");
    }

    public static Generated readOrCreate(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            String token = Files.readString(path, StandardCharsets.UTF_8).trim();
            if (!token.isEmpty()) {
                return new Generated(path, token, false);
            }
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            PrivateFile.write(path, token, false);
        } catch (FileAlreadyExistsException e) {
            return readOrCreate(path);  // another process created it first: use that one
        }
        return new Generated(path, token, true);
    }
}
