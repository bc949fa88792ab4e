package io.smartcloudops.console.connection;

import io.smartcloudops.api.auth.PrivateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A secret in a file that only the user can read (mode 0600 in a 0700 directory on POSIX systems),
 * written atomically so a crash never leaves half a token.
 */
public final class SecretFile {

    private final Path path;

    public SecretFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Optional<String> read() throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public void write(String secret) throws IOException {
        PrivateFile.write(path, secret.trim(), true);
    }

    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
