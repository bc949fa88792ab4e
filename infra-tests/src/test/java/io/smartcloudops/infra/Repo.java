package io.smartcloudops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths into the repository whose files are under test. */
final class Repo {

    private static final Path ROOT = locateRoot();

    private Repo() {
    }

    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locateRoot() {
        String configured = System.getProperty("smartcloudops.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("terraform")) && Files.isDirectory(p.resolve("monitoring"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root (with terraform/ and monitoring/) not found above " + start);
    }
}
