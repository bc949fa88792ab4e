package io.smartcloudops.agent.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's documentation as a reader meets it: every Markdown file a user is pointed to
 * (README.md, CONTRIBUTING.md, docs/, and the READMEs beside ml_models/, bench/, monitoring/, packaging/),
 * cut into what the docs-consistency tests check: code (inline spans and fenced blocks), shell command
 * lines in that code, and link targets.
 */
public final class DocCorpus {

    /** A piece of code quoted in a document, with where it is (file:line) for the failure message. */
    public record Snippet(Path file, int line, String text, boolean block) {
        public String where() {
            return file + ":" + line;
        }
    }

    /** A Markdown link's target ({@code [text](target)}), relative to its file. */
    public record Link(Path file, int line, String target) {
        public String where() {
            return file + ":" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern INLINE = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private final Path root;
    private final List<Path> files;

    public DocCorpus(Path root, List<Path> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    /** The documentation of the repository at {@code root} (tests run in a module: pass {@code Path.of("..")}). */
    public static DocCorpus of(Path root) {
        List<Path> files = new ArrayList<>();
        for (String f : List.of("README.md", "CONTRIBUTING.md", "ml_models/README.md", "bench/README.md",
                "monitoring/README.md", "packaging/README.md", "packaging/console/README.md")) {
            if (Files.isRegularFile(root.resolve(f))) {
                files.add(Path.of(f));
            }
        }
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted()
                    .forEach(p -> files.add(root.relativize(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DocCorpus(root, files);
    }

    public Path root() {
        return root;
    }

    public List<Path> files() {
        return files;
    }

    /** Inline code spans and fenced blocks of every file. */
    public List<Snippet> snippets() {
        List<Snippet> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(snippets(f, read(f)));
        }
        return out;
    }

    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(links(f, read(f)));
        }
        return out;
    }

    /** The links of one document's text, outside code blocks. */
    public static List<Link> links(Path file, String text) {
        List<Link> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).find()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher m = LINK.matcher(lines[i]);
            while (m.find()) {
                out.add(new Link(file, i + 1, m.group(1)));
            }
        }
        return out;
    }

    /** The snippets of one document's text (also used on made-up text by the tests of the checks). */
    public static List<Snippet> snippets(Path file, String text) {
        List<Snippet> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder block = null;
        int blockStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).find()) {
                if (block == null) {
                    block = new StringBuilder();
                    blockStart = i + 2;
                } else {
                    out.add(new Snippet(file, blockStart, block.toString(), true));
                    block = null;
                }
                continue;
            }
            if (block != null) {
                block.append(line).append('\n');
                continue;
            }
            Matcher m = INLINE.matcher(line);
            while (m.find()) {
                out.add(new Snippet(file, i + 1, m.group(2).strip(), false));
            }
        }
        return out;
    }

    /**
     * Shell command lines in a snippet: continuation lines joined, comments and prompts removed, split at
     * {@code &&}, {@code ||}, {@code ;}, {@code |} and {@code $(...)} boundaries.
     */
    public static List<String> commandLines(Snippet s) {
        List<String> out = new ArrayList<>();
        String joined = s.text().replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            String l = stripComment(line).strip();
            if (l.startsWith("$ ")) {
                l = l.substring(2);
            }
            for (String part : l.split("&&|\\|\\||;|\\||\\$\\(|`")) {
                String p = part.replace(")", " ").strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits a command line into words as a POSIX shell would for plain quoting (no expansion). */
    public static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        boolean any = false;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
                any = true;
            } else if (c == '"' && !single) {
                dbl = !dbl;
                any = true;
            } else if (Character.isWhitespace(c) && !single && !dbl) {
                if (any || !w.isEmpty()) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || !w.isEmpty()) {
            words.add(w.toString());
        }
        return words;
    }

    public String read(Path relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
