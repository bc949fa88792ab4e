package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A harmless real program standing in for {@code systemctl}: a shell script in a temporary directory
 * that appends its arguments, one invocation per line, to a file and exits with a chosen code. Tests
 * point {@code restart_command} at it and read back exactly which argv ran, and how often.
 */
public final class RecordingCommand {

    private final Path script;
    private final Path log;
    private final Path exitCodeFile;

    public RecordingCommand(Path dir, String name) throws IOException {
        this.script = dir.resolve(name + ".sh");
        this.log = dir.resolve(name + ".argv");
        this.exitCodeFile = dir.resolve(name + ".exit");
        Files.writeString(exitCodeFile, "0\n");
        // Each argument on its own line inside one record, so spaces or metacharacters would be visible as such.
        Files.writeString(script, "#!/bin/sh\n"
                + "{ printf 'CALL'; for a in \"$@\"; do printf '\\t%s' \"$a\"; done; printf '\\n'; } >> '" + log + "'\n"
                + "echo \"did $*\"\n"
                + "exit $(cat '" + exitCodeFile + "')\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    public String path() {
        return script.toString();
    }

    public void exitWith(int code) throws IOException {
        Files.writeString(exitCodeFile, code + "\n");
    }

    /** Every invocation's arguments, in order. */
    public List<List<String>> calls() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("CALL"))
                .map(l -> List.of(l.substring(4).replaceFirst("^\\t", "").split("\\t", -1)))
                .toList();
    }
}
