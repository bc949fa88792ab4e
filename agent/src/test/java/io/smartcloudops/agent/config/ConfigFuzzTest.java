package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.rules.Rule;
import io.smartcloudops.agent.rules.RulesFile;
import io.smartcloudops.agent.testing.HostileInput;
import io.smartcloudops.agent.testing.RemediationFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: the configuration loaders, given mutations of the shipped examples ({@code agent.yaml},
 * {@code rules.yaml}) and hostile environment overrides, either load a configuration that passed
 * validation or refuse with a {@link ConfigException} that names the key (or file) — never another
 * exception, never a hang (alias bombs, deep nesting), never a Java object built from a YAML tag.
 * Seeded like the HTTP property tests: {@code -Dhostile.seed=N}, {@code -Dhostile.cases=N}.
 */
class ConfigFuzzTest {

    static final int CASES = Integer.getInteger("hostile.cases", 1_200) / 2;

    @TempDir
    Path dir;

    private static final List<String> SPECIAL = List.of(
            "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
            "server: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n",
            "server:\n  bind: !!java.io.File /etc/passwd\n",
            "remediation:\n  allowed_units: [\"nginx; reboot\", \"../../bin/sh\"]\n",
            "remediation:\n  restart_command: [sh, -c, \"reboot\"]\n  enabled: true\n",
            "server: {bind: \"0.0.0.0:99999\"}\n",
            "logs: {dir: \"/dev/null/../../etc\"}\n",
            "source: {interval: -5s}\n",
            "source: {interval: 0s}\n",
            "auth: {tokens: [{name: x, role: root, sha256: zz}]}\n",
            "chat: {rate_limit_per_minute: 99999999999999999999}\n",
            "x".repeat(100_000) + ": 1\n",
            "[".repeat(10_000) + "]".repeat(10_000) + "\n",
            "server:\n" + "  a:\n".repeat(2_000),
            "\uFEFFserver: {bind: 127.0.0.1:0}\n",
            "server:\n\tbind: 127.0.0.1:0\n",
            "server: {bind: 127.0.0.1:0}\nserver: {bind: 127.0.0.1:1}\n",
            "%YAML 1.1\n---\nserver: {}\n---\nsource: {}\n",
            "\u0000\u0001\u0002",
            "&anchor:\n",
            ": value\n",
            "");

    @Test
    void agentYamlMutationsLoadOrNameTheBadKey() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("ConfigFuzzTest agent.yaml seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        HostileInput in = new HostileInput(seed);
        List<String> example = Files.readAllLines(Path.of("agent.example.yaml"));
        List<String> envNames = ConfigLoader.environmentVariables();
        Map<String, Integer> outcomes = new TreeMap<>();
        Path file = dir.resolve("agent.yaml");
        for (int i = 0; i < CASES; i++) {
            String yaml = i < SPECIAL.size() ? SPECIAL.get(i) : mutateYaml(in, example);
            byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
            if (in.nextInt(40) == 0 && bytes.length > 0) {
                bytes[in.nextInt(bytes.length)] = (byte) (0x80 + in.nextInt(0x80));  // not UTF-8 any more
            }
            Files.write(file, bytes);
            Map<String, String> env = new TreeMap<>();
            if (in.nextInt(4) == 0) {
                env.put(in.pick(envNames), in.string("5s"));
            }
            String label = "case " + i + " env=" + env + "\n" + changed(example, yaml);
            outcomes.merge(outcome(label, () -> new ConfigLoader(env).load(file, Map.of())), 1, Integer::sum);
        }
        System.out.printf("ConfigFuzzTest agent.yaml: %d cases: %s%n", CASES, outcomes);
        assertThat(outcomes.keySet()).as("some mutations load, most are refused").contains("loaded", "refused");
    }

    @Test
    void rulesYamlMutationsLoadOrNameTheRuleAndField() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("ConfigFuzzTest rules.yaml seed=" + seed + " (replay with -Dhostile.seed=" + seed + ")");
        HostileInput in = new HostileInput(seed);
        List<String> example = Files.readAllLines(Path.of("rules.example.yaml"));
        Map<String, Integer> outcomes = new TreeMap<>();
        try (RemediationFixture fx = new RemediationFixture(dir, """
                remediation:
                  allowed_units: [nginx]
                aws:
                  sns_topic_arn: arn:aws:sns:eu-west-1:123456789012:ops
                """, Clock.systemUTC(), "web-1")) {
            for (int i = 0; i < CASES; i++) {
                String yaml = i < SPECIAL.size() ? SPECIAL.get(i) : mutateYaml(in, example);
                String label = "case " + i + "\n" + changed(example, yaml);
                outcomes.merge(outcome(label, () -> {
                    List<Rule> rules = RulesFile.parse("rules.yaml", yaml, fx.service::checkAction);
                    assertThat(rules).as(label).allSatisfy(r -> assertThat(r.name()).matches("[A-Za-z0-9_.-]{1,64}"));
                    return rules;
                }), 1, Integer::sum);
            }
        }
        System.out.printf("ConfigFuzzTest rules.yaml: %d cases: %s%n", CASES, outcomes);
        assertThat(outcomes.keySet()).as("some mutations load, most are refused").contains("loaded", "refused");
    }

    @Test
    void findingsOfThisFuzzerStayFixed() throws Exception {
        try (RemediationFixture fx = new RemediationFixture(dir, "remediation:\n  allowed_units: [nginx]\n", Clock.systemUTC(), "web-1")) {
            // a parameter, host or tag written with no value was a NullPointerException that stopped the start
            assertThat(refusal(() -> RulesFile.parse("rules.yaml", """
                    rules:
                      - {name: r, when: cpu > 90, action: restart_service, params: {unit: }}
                    """, fx.service::checkAction))).isEqualTo("rules.yaml: rules[0] (r).params.unit: needs a value");
            assertThat(refusal(() -> RulesFile.parse("rules.yaml", """
                    rules:
                      - {name: r, when: cpu > 90, action: scale_up, target: {hosts: [web-1, ~]}}
                    """, fx.service::checkAction))).isEqualTo("rules.yaml: rules[0] (r).target.hosts[1]: needs a host name");
            // a 100 KB value was quoted whole in the error; the file's top level was named ": "
            String huge = refusal(() -> RulesFile.parse("rules.yaml", "x".repeat(100_000) + "\n", fx.service::checkAction));
            assertThat(huge).startsWith("rules.yaml: must be a mapping with a list 'rules:'").hasSizeLessThan(400);
        }
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "&anchor:\n");
        assertThat(refusal(() -> new ConfigLoader(Map.of()).load(file, Map.of()))).startsWith("\"\": unknown key");
        Files.writeString(file, "server:\n  bind: " + "y".repeat(100_000) + "\n  max_request_bytes: [1]\n");
        assertThat(refusal(() -> new ConfigLoader(Map.of()).load(file, Map.of()))).hasSizeLessThan(400);
    }

    private static String refusal(Supplier<Object> load) {
        try {
            load.get();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("loaded");
    }

    /** "loaded" or "refused" (a ConfigException naming a key); anything else fails the test. */
    private static String outcome(String label, Supplier<Object> load) throws InterruptedException {
        Object[] result = new Object[1];
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                result[0] = load.get();
            } catch (Throwable e) {
                result[0] = e;
            }
        });
        if (!t.join(Duration.ofSeconds(10))) {
            throw new AssertionError("loading took more than 10 s: " + label);
        }
        if (result[0] instanceof ConfigException e) {
            assertThat(e.key()).as(label).isNotBlank();
            assertThat(e.getMessage()).as(label).doesNotContain("\tat ").hasSizeLessThan(20_000);
            return "refused";
        }
        if (result[0] instanceof Throwable e) {
            throw new AssertionError("not a ConfigException but " + e + " for " + label, e);
        }
        return "loaded";
    }

    private static String mutateYaml(HostileInput in, List<String> example) {
        List<String> lines = new ArrayList<>(example);
        int edits = 1 + in.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = in.nextInt(lines.size());
            String line = lines.get(at);
            switch (in.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, "  ".repeat(in.nextInt(4)) + line.strip());
                case 3 -> lines.set(at, in.mutate(line));
                case 4 -> lines.add(at, in.string("key") + ": " + in.string("value"));
                default -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0 && !line.strip().startsWith("#")) {
                        String value = switch (in.nextInt(5)) {
                            case 0 -> in.pick(List.of("[]", "{}", "~", "null", "-1", "0", "1e999", "true", "0x7fffffff",
                                    "[1, [2, [3]]]", "{a: {b: {c: d}}}", "!!binary AAAA", "*undefined_alias", "|\n  block"));
                            case 1 -> "\"" + in.string("x").replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                            case 2 -> "'" + in.string("x").replace("'", "''") + "'";
                            default -> in.string(line.substring(colon + 2));
                        };
                        lines.set(at, line.substring(0, colon + 2) + value);
                    } else {
                        lines.set(at, in.mutate(line));
                    }
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The lines of {@code yaml} that are not in the example: what the mutation did. */
    private static String changed(List<String> example, String yaml) {
        java.util.Set<String> original = new java.util.HashSet<>(example);
        List<String> lines = yaml.lines().filter(l -> !original.contains(l)).limit(12).toList();
        return cut(lines.isEmpty() ? "(lines removed or reordered only)" : String.join("\n", lines));
    }

    private static String cut(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
