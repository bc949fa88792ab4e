package io.smartcloudops.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.testing.DocCorpus;
import io.smartcloudops.agent.testing.DocCorpus.Snippet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a document may refer to, checked against the real thing: agent sub-commands and their options
 * (picocli's model of {@link AgentMain}), files and scripts of the repository, Maven modules and test
 * classes, {@code agent.yaml} keys ({@link AgentConfig}'s defaults), {@code SMARTCLOUDOPS_*} variables
 * ({@link ConfigLoader#environmentVariables()} or read by a file of the repository), the agent's REST
 * paths and query parameters ({@code docs/api/openapi.yaml}, kept equal to the server's routes by
 * {@code OpenApiConsistencyTest}), and relative links. Each problem is one line naming the document,
 * the line and what is missing.
 */
final class DocReferences {

    /** Top-level directories whose paths are checked. */
    private static final String TOP = "agent|api|console|bench|packaging|scripts|monitoring|terraform|docs|ml_models|infra-tests|\\.github|\\.ci|\\.mvn";
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w./$~@:-])(?:\\./)?(?:" + TOP + ")/[A-Za-z0-9_./*-]*|(?<![\\w./$~-])\\./(?:run|test)\\.sh|(?<![\\w./$~-])\\./mvnw");
    /** Files the docs tell the reader to create, so they are not in the repository. */
    private static final Set<String> CREATED_BY_THE_READER = Set.of(
            "terraform/terraform.tfvars", "terraform/backend.tf", "terraform/.terraform");
    private static final Pattern ENV = Pattern.compile("\\bSMARTCLOUDOPS_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Pattern AGENT_URL = Pattern.compile("https?://(?:127\\.0\\.0\\.1|localhost):8080(/[^\\s\"'?)`]*)(\\?[^\\s\"')`]*)?");
    private static final Pattern FILE_SUFFIX = Pattern.compile(".*\\.(ya?ml|json|jsonl|csv|md|png|ser|txt|sh|properties|jar|tf|java|py|xml)$");

    private final DocCorpus docs;
    private final Path root;
    private final CommandLine agent;
    private final JsonNode config;
    private final Set<String> sections = new HashSet<>();
    private final Set<String> envNames;
    private final Set<String> modules;
    private final JsonNode openapi;
    private final List<String> problems = new ArrayList<>();

    DocReferences(DocCorpus docs) {
        this.docs = docs;
        this.root = docs.root();
        this.agent = AgentMain.commandLine();
        this.config = ConfigLoader.yamlMapper().valueToTree(AgentConfig.defaults());
        config.fieldNames().forEachRemaining(sections::add);
        this.envNames = new HashSet<>(ConfigLoader.environmentVariables());
        this.modules = mavenModules(root);
        try {
            this.openapi = new YAMLMapper().readTree(root.resolve("docs/api/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem in the corpus. */
    List<String> check() {
        for (Snippet s : docs.snippets()) {
            check(s);
        }
        for (DocCorpus.Link l : docs.links()) {
            checkLink(l);
        }
        for (Path f : docs.files()) {
            checkEnvironment(f, docs.read(f));
        }
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    /** The problems of one made-up document (the tests of these checks). */
    List<String> check(Path file, String text) {
        for (Snippet s : DocCorpus.snippets(file, text)) {
            check(s);
        }
        DocCorpus.links(file, text).forEach(this::checkLink);
        checkEnvironment(file, text);
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private void check(Snippet s) {
        checkPaths(s);
        checkConfigKeys(s);
        checkAgentUrls(s);
        for (String line : DocCorpus.commandLines(s)) {
            List<String> words = DocCorpus.words(line);
            checkAgentCommand(s, words);
            checkMaven(s, words);
            checkScriptOptions(s, words);
        }
    }

    private void problem(Snippet s, String text) {
        problems.add(s.where() + ": " + text);
    }

    // --- agent command lines --------------------------------------------------------------------------

    private void checkAgentCommand(Snippet s, List<String> words) {
        int i = 0;
        List<String> args = null;
        while (i < words.size()) {
            String w = words.get(i);
            boolean jar = w.endsWith("smartcloudops-agent.jar") && i > 0 && words.get(i - 1).equals("-jar");
            // "agent evaluate ..." with the docs' shorthand agent() { java -jar ... "$@"; }
            boolean shorthand = i == 0 && w.equals("agent") && words.size() > 1 && agent.getSubcommands().containsKey(words.get(1));
            if (jar || shorthand || i == 0 && w.equals("smartcloudops-agent")) {
                args = words.subList(i + 1, words.size());
                break;
            }
            if (w.equals("./run.sh") && i + 1 < words.size() && words.get(i + 1).equals("--agent-only")) {
                args = new ArrayList<>();
                args.add("serve");
                args.addAll(words.subList(i + 2, words.size()));
                break;
            }
            i++;
        }
        if (args != null) {
            walk(s, agent, args);
        }
    }

    private void walk(Snippet s, CommandLine command, List<String> args) {
        CommandLine current = command;
        boolean positionalSeen = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.isEmpty() || a.startsWith("[") || a.startsWith("<") || a.startsWith(">") || a.startsWith("2>")
                    || a.equals("...") || a.equals("--") || a.startsWith("$") && !a.startsWith("$(")) {
                if (a.startsWith("$") || a.equals("--")) {
                    positionalSeen = true;
                    continue;
                }
                return; // placeholders ("[serve options]"), redirections: the rest is not the command's words
            }
            String name = commandName(current);
            if (a.startsWith("-")) {
                String opt = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                OptionSpec spec = current.getCommandSpec().findOption(opt);
                if (spec == null) {
                    problem(s, "`" + name + "` has no option " + opt + " (options: " + optionNames(current.getCommandSpec()) + ")");
                    return;
                }
                if (!a.contains("=") && spec.arity().min() > 0) {
                    i++;
                }
                continue;
            }
            if (!positionalSeen && !current.getSubcommands().isEmpty()) {
                CommandLine sub = current.getSubcommands().get(a);
                if (sub == null) {
                    problem(s, "`" + name + "` has no sub-command " + a + " (sub-commands: "
                            + String.join(", ", current.getSubcommands().keySet()) + ")");
                    return;
                }
                current = sub;
                continue;
            }
            positionalSeen = true;
        }
    }

    private static String commandName(CommandLine c) {
        return c.getCommandSpec().qualifiedName(" ");
    }

    private static String optionNames(CommandSpec spec) {
        return String.join(" ", spec.options().stream().map(OptionSpec::longestName).sorted().toList());
    }

    // --- files and scripts ----------------------------------------------------------------------------

    private void checkPaths(Snippet s) {
        Matcher m = REPO_PATH.matcher(s.text());
        while (m.find()) {
            int end = m.end();
            if (end < s.text().length() && "<{$[".indexOf(s.text().charAt(end)) >= 0) {
                continue; // a path with a placeholder: DIR/<host>.csv, logs/remediation-{date}
            }
            String p = m.group().replaceFirst("^\\./", "").replaceAll("[.,:;]+$", "");
            if (p.contains("YYYY") || p.isEmpty()) {
                continue;
            }
            checkPath(s, p);
        }
    }

    private void checkPath(Snippet s, String p) {
        String clean = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        if (CREATED_BY_THE_READER.contains(clean)) {
            return;
        }
        Path docDir = s.file().getParent();
        if (docDir != null && Files.exists(root.resolve(docDir).resolve(clean))) {
            return; // relative to the document (bench/README.md's console/startup.sh)
        }
        if (!Files.exists(root.resolve(clean)) && List.of(clean.split("/")).stream()
                .anyMatch(seg -> seg.matches("[A-Z][A-Z0-9_]+") && !seg.equals("README") && !seg.equals("LICENSE"))) {
            return; // a placeholder: ml_models/datasets/faults/NAME/
        }
        String[] parts = clean.split("/");
        if (parts.length >= 2 && parts[1].equals("target")) {
            if (!modules.contains(parts[0])) {
                problem(s, clean + ": build output of " + parts[0] + ", which is not a Maven module");
            }
            return; // build output: exists after ./mvnw package
        }
        if (clean.contains("*")) {
            if (!globMatches(clean)) {
                problem(s, clean + ": matches no file in the repository");
            }
            return;
        }
        if (!Files.exists(root.resolve(clean))) {
            problem(s, clean + ": no such file or directory in the repository");
        }
    }

    private boolean globMatches(String glob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> all = Files.walk(root.resolve(glob.substring(0, glob.indexOf('/'))))) {
            return all.map(root::relativize).anyMatch(matcher::matches);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code ./some/script.sh --option}: the option must appear in the script. */
    private void checkScriptOptions(Snippet s, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).replaceFirst("^\\./", "");
            if (!w.endsWith(".sh") || w.equals("run.sh") || !w.contains("/") || !Files.isRegularFile(root.resolve(w))) {
                continue;
            }
            String script = read(root.resolve(w));
            for (String a : words.subList(i + 1, words.size())) {
                if (a.startsWith("--") && a.length() > 2) {
                    String opt = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                    if (!script.contains(opt)) {
                        problem(s, w + " does not know the option " + opt);
                    }
                }
            }
            return;
        }
    }

    private void checkLink(DocCorpus.Link l) {
        String t = l.target();
        if (t.matches("^[a-z]+:.*") || t.startsWith("#")) {
            return;
        }
        String path = t.contains("#") ? t.substring(0, t.indexOf('#')) : t;
        Path resolved = root.resolve(l.file()).getParent() == null ? root.resolve(path)
                : root.resolve(l.file()).getParent().resolve(path);
        if (!Files.exists(resolved.normalize())) {
            problems.add(l.where() + ": link to " + t + ", which does not exist");
        }
    }

    // --- Maven ----------------------------------------------------------------------------------------

    private void checkMaven(Snippet s, List<String> words) {
        if (words.stream().noneMatch(w -> w.endsWith("mvnw") || w.equals("mvn") || w.equals("./test.sh"))) {
            return;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String list = null;
            if ((w.equals("-pl") || w.equals("--projects")) && i + 1 < words.size()) {
                list = words.get(i + 1);
            } else if (w.startsWith("-pl=")) {
                list = w.substring(4);
            }
            if (list != null) {
                for (String m : list.split(",")) {
                    String module = m.replaceFirst("^[!:-]", "");
                    if (!modules.contains(module)) {
                        problem(s, "no Maven module " + module + " (modules: " + String.join(", ", modules) + ")");
                    }
                }
            }
            if (w.startsWith("-Dtest=")) {
                for (String t : w.substring("-Dtest=".length()).split(",")) {
                    String cls = t.replaceAll("#.*", "");
                    if (!cls.contains("*") && !testClassExists(cls)) {
                        problem(s, "no test class " + cls);
                    }
                }
            }
        }
    }

    private boolean testClassExists(String simpleName) {
        for (String m : modules) {
            Path dir = root.resolve(m).resolve("src/test/java");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().equals(simpleName + ".java"))) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    private static Set<String> mavenModules(Path root) {
        Set<String> modules = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).strip());
        }
        return modules;
    }

    // --- agent.yaml keys and environment variables ---------------------------------------------------

    private void checkConfigKeys(Snippet s) {
        if (s.text().startsWith("error: ")) {
            return; // a quoted error message names the wrong key on purpose
        }
        Pattern key = Pattern.compile("(?<![\\w./$:-])(" + String.join("|", sections)
                + ")\\.([a-z_][a-z0-9_]*(?:\\[])?(?:\\.[a-z_][a-z0-9_-]*(?:\\[])?)*)(?![\\w(/-])");
        Matcher m = key.matcher(s.text());
        while (m.find()) {
            String dotted = m.group();
            if (FILE_SUFFIX.matcher(dotted).matches() || isAgentPackage(dotted)) {
                continue; // rules.yaml, chat.offline (a package): not keys
            }
            Optional<String> why = missingKey(dotted);
            why.ifPresent(w -> problem(s, "agent.yaml has no key " + dotted + " (" + w + ")"));
        }
    }

    private boolean isAgentPackage(String dotted) {
        return Files.isDirectory(root.resolve("agent/src/main/java/io/smartcloudops/agent").resolve(dotted.replace('.', '/')));
    }

    /** Empty when {@code dotted} is a key of agent.yaml; else why not. */
    Optional<String> missingKey(String dotted) {
        JsonNode node = config;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].replace("[]", "");
            if (node.isArray() || node.isObject() && node.isEmpty() && i > 0) {
                return Optional.empty(); // a list or a map (remediation.targets.web-1...): its entries are the user's
            }
            if (!node.isObject() || !node.has(p)) {
                List<String> known = new ArrayList<>();
                node.fieldNames().forEachRemaining(known::add);
                String where = i == 0 ? "sections" : String.join(".", List.of(parts).subList(0, i));
                return Optional.of(known.isEmpty() ? where + " has no keys below it" : "known in " + where + ": " + String.join(", ", known));
            }
            node = node.get(p);
        }
        return Optional.empty();
    }

    private void checkEnvironment(Path file, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENV.matcher(lines[i]);
            while (m.find()) {
                String name = m.group();
                if (!envNames.contains(name) && !readByTheRepository(name)) {
                    problems.add(file + ":" + (i + 1) + ": " + name + " is neither a configuration variable "
                            + "(ConfigLoader.environmentVariables()) nor read by any script, unit or source of the repository");
                }
            }
        }
    }

    private final Map<String, Boolean> readCache = new java.util.HashMap<>();

    /** Variables outside agent.yaml (SMARTCLOUDOPS_CHAT_API_KEY, Grafana's): some code or script must read them. */
    private boolean readByTheRepository(String name) {
        return readCache.computeIfAbsent(name, n -> {
            for (String dir : List.of("agent/src/main", "console/src/main", "monitoring", "packaging", "terraform", "scripts")) {
                try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                    if (files.filter(Files::isRegularFile).anyMatch(f -> read(f).contains(n))) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return read(root.resolve("run.sh")).contains(n);
        });
    }

    // --- REST --------------------------------------------------------------------------------------------

    private void checkAgentUrls(Snippet s) {
        Matcher m = AGENT_URL.matcher(s.text());
        while (m.find()) {
            String path = m.group(1).isEmpty() ? "/" : m.group(1).replaceAll("[.,]+$", "");
            if (path.equals("/")) {
                continue;
            }
            Optional<JsonNode> item = pathItem(path);
            if (item.isEmpty()) {
                problem(s, "the agent serves no " + path + " (docs/api/openapi.yaml)");
                continue;
            }
            if (m.group(2) != null) {
                Set<String> params = new HashSet<>();
                item.get().forEach(op -> op.path("parameters").forEach(p -> params.add(p.path("name").asText())));
                for (String pair : m.group(2).substring(1).split("&")) {
                    String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                    if (!name.isEmpty() && !params.contains(name)) {
                        problem(s, path + " has no query parameter " + name + " (parameters: " + String.join(", ", new java.util.TreeSet<>(params)) + ")");
                    }
                }
            }
        }
    }

    private Optional<JsonNode> pathItem(String path) {
        var it = openapi.path("paths").fields();
        while (it.hasNext()) {
            var e = it.next();
            String regex = Pattern.quote(e.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
