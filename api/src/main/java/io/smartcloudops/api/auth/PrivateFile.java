package io.smartcloudops.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file only its owner may read, for API tokens (the agent's generated token, the console's stored ones):
 * the directory is created {@code rwx------} when missing, the text goes into a temporary file created
 * {@code rw-------} (never readable by others, not even for a moment) and is moved into place in one step,
 * so a reader sees the old file or the whole new one. On file systems without POSIX permissions the same
 * happens without them.
 */
public final class PrivateFile {

    private PrivateFile() {
    }

    /**
     * Writes {@code text} and a newline to {@code path}.
     *
     * @param replace whether an existing file is replaced; when false and another writer got there first,
     *                {@link FileAlreadyExistsException} (and nothing of this write is left behind)
     */
    public static void write(Path path, String text, boolean replace) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path tmp = dir.resolve(path.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try {
            Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
            if (replace) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
