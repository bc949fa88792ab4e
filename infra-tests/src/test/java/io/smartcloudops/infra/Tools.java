package io.smartcloudops.infra;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * External programs the tests run. Inside the test script (CI=true, or
 * SMARTCLOUDOPS_REQUIRE_TOOLS=true) a missing program fails the test, because .ci/run installs
 * every package in .ci/debian-packages.txt; anywhere else the test is skipped with the package to
 * install.
 */
final class Tools {

    private Tools() {
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("SMARTCLOUDOPS_REQUIRE_TOOLS"));
    }

    /** The program's path; fails or skips as described above when it is not installed. */
    static Path require(String program, String installHint) {
        Optional<Path> found = find(program);
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not installed (" + installHint + ")";
        if (required()) {
            fail(message + "; the test script must install it (.ci/debian-packages.txt)");
        }
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }

    /** A file the tests need that a build step produces, with the same fail-or-skip rule. */
    static Path requireFile(Path file, String howToMakeIt) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String message = file + " does not exist (" + howToMakeIt + ")";
        if (required()) {
            fail(message);
        }
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }

    static Optional<Path> find(String program) {
        if (program.contains("/")) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String pathEnv = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (pathEnv + ":/usr/sbin:/sbin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The java launcher of the JDK running the tests (the agent needs Java 25, like the build). */
    static Path java() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
