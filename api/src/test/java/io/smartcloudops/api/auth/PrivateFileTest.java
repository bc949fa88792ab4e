package io.smartcloudops.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token file is readable by its owner only, from the first byte, and a failed write leaves nothing behind. */
class PrivateFileTest {

    @TempDir
    Path dir;

    @Test
    void theFileAndANewDirectoryAreTheOwnersOnly() throws Exception {
        Path file = dir.resolve("new/smartcloudops/token");

        PrivateFile.write(file, "secret-0123456789", false);

        assertThat(Files.readString(file)).isEqualTo("secret-0123456789\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(file.resolveSibling("token.tmp")).doesNotExist();
    }

    @Test
    void anExistingFileIsReplacedWhenAsked() throws Exception {
        Path file = dir.resolve("token");
        PrivateFile.write(file, "first", true);

        PrivateFile.write(file, "second", true);

        assertThat(Files.readString(file)).isEqualTo("second\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aWriteThatCannotLandLeavesNoTemporaryFile() throws Exception {
        Path occupied = Files.createDirectories(dir.resolve("token").resolve("child")).getParent();

        assertThatThrownBy(() -> PrivateFile.write(occupied, "x", true)).isInstanceOf(IOException.class);

        assertThat(dir.resolve("token.tmp")).doesNotExist();
        assertThat(occupied.resolve("child")).isDirectory();
    }
}
