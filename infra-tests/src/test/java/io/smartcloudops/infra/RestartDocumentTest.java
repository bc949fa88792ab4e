package io.smartcloudops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the SSM restart document's script with a recording stand-in for systemctl. */
class RestartDocumentTest {

    private static String script;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() throws Exception {
        script = RestartDocument.script(Terraform.load());
    }

    @Test
    void restartsAnAllowListedUnitAndChecksItIsActive() throws IOException {
        Exec.Result r = run("nginx");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("systemctl.log")))
                .containsExactly("restart -- nginx.service", "is-active --quiet -- nginx.service");
        assertThat(r.output()).contains("restarted nginx.service");
    }

    @Test
    void refusesUnitsOutsideTheListAndShellSyntaxWithoutCallingSystemctl() {
        for (String hostile : List.of("sshd", "nginx; touch pwned", "$(touch pwned)", "`touch pwned`",
                "nginx' 'sshd", "../../bin/sh", "nginx.service", "")) {
            Exec.Result r = run(hostile);
            assertThat(r.exitCode()).as("%s: %s", hostile, r).isEqualTo(3);
            assertThat(r.output()).contains("refused");
            assertThat(dir.resolve("systemctl.log")).as(hostile).doesNotExist();
            assertThat(dir.resolve("pwned")).as(hostile).doesNotExist();
        }
    }

    @Test
    void scriptIsCleanForBashAndShellcheck() throws IOException {
        Path file = dir.resolve("restart.sh");
        Files.writeString(file, script);
        Path bash = Tools.require("bash", "Debian package bash");
        assertThat(Exec.run(dir, Duration.ofSeconds(10), List.of(bash.toString(), "-n", file.toString())).exitCode())
                .isZero();
        Path shellcheck = Tools.require("shellcheck", "Debian package shellcheck");
        Exec.Result r = Exec.run(dir, Duration.ofSeconds(30), List.of(shellcheck.toString(), "-s", "bash", file.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    private Exec.Result run(String serviceName) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path systemctl = bin.resolve("systemctl");
            Files.writeString(systemctl, "#!/bin/sh\necho \"$*\" >> \"" + dir.resolve("systemctl.log") + "\"\n");
            Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path sleep = bin.resolve("sleep");
            Files.writeString(sleep, "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(sleep, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("restart.sh"), script);
            Path bash = Tools.require("bash", "Debian package bash");
            return Exec.run(dir, Duration.ofSeconds(20),
                    Map.of("SSM_ServiceName", serviceName, "PATH", bin + ":/usr/bin:/bin"),
                    List.of(bash.toString(), dir.resolve("restart.sh").toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
