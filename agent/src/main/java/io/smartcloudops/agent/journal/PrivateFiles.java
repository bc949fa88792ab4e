package io.smartcloudops.agent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log files only the agent's user can read: created 0600 in a directory created 0700. A file that already
 * exists loses what others may do and what its group could write (0644 becomes 0640): an operator may give
 * a log shipper's group read access, never anyone write access. Where the file system has no POSIX modes
 * (Windows), files keep what the system gives them.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> NEVER = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) with mode 0700; an existing directory is left as it is. */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Opens {@code file}, creating it 0600, and takes from an existing one what {@link PrivateFiles} never allows. */
    public static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        if (!POSIX) {
            return FileChannel.open(file, options);
        }
        FileChannel ch = FileChannel.open(file, options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.removeAll(NEVER)) {
                Files.setPosixFilePermissions(file, mode);
                LOG.info("{} was readable or writable by others: now {}", file, PosixFilePermissions.toString(mode));
            }
        } catch (IOException e) {
            LOG.warn("cannot restrict the mode of {} (owned by another user?): {}", file, e.toString());
        }
        return ch;
    }
}
