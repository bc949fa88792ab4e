package io.smartcloudops.agent.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.config.JacksonMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and checks {@code rules.yaml} at start. Every error names the file, the rule and the field, e.g.
 * {@code rules.yaml: rules[1] (high-cpu).for: '3 minutes' is not a duration}; a file with any error is
 * refused whole, so a typo never leaves a rule silently off.
 */
public final class RulesFile {


    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_PER_HOUR = 3;

    private RulesFile() {
    }

    /**
     * @param checkAction checks an action and its parameters exactly as the remediation service will
     *                    (throws IllegalArgumentException naming {@code action} or {@code params.X})
     */
    public static List<Rule> load(Path file, BiConsumer<String, Map<String, String>> checkAction) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("rules.path", "file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("rules.path", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.getFileName().toString(), text, checkAction);
    }

    public static List<Rule> parse(String fileName, String yaml, BiConsumer<String, Map<String, String>> checkAction) {
        RuleSpec.File spec;
        try {
            spec = ConfigLoader.yamlMapper().readValue(yaml, RuleSpec.File.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(fileName + ": " + JacksonMessages.path(e), "unknown key (known here: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            String detail = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
            String where = JacksonMessages.path(e);
            throw new ConfigException(where.isEmpty() ? fileName : fileName + ": " + where,
                    where.isEmpty() ? "must be a mapping with a list 'rules:' (see agent/rules.example.yaml)" : JacksonMessages.firstLine(detail));
        } catch (JsonProcessingException e) {
            throw new ConfigException(fileName, "not valid YAML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + JacksonMessages.firstLine(e.getOriginalMessage()));
        }
        if (spec == null || spec.rules() == null) {
            throw new ConfigException(fileName, "must have a list 'rules:' (see agent/rules.example.yaml)");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.rules().size(); i++) {
            RuleSpec r = spec.rules().get(i);
            if (r == null) {
                throw new ConfigException(fileName + ": rules[" + i + "]", "is empty");
            }
            String where = fileName + ": rules[" + i + "]" + (r.name() == null ? "" : " (" + r.name() + ")");
            rules.add(check(r, where, names, checkAction));
        }
        return List.copyOf(rules);
    }

    private static Rule check(RuleSpec r, String where, Set<String> names, BiConsumer<String, Map<String, String>> checkAction) {
        if (r.name() == null || !NAME.matcher(r.name()).matches()) {
            throw new ConfigException(where + ".name", "is required: 1 to 64 characters of letters, digits, _ . -");
        }
        if (!names.add(r.name())) {
            throw new ConfigException(where + ".name", "another rule is already called '" + r.name() + "'");
        }
        Condition condition;
        try {
            condition = ConditionParser.parse(r.when());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".when", e.getMessage());
        }
        Condition clearWhen = null;
        if (r.clearWhen() != null) {
            try {
                clearWhen = ConditionParser.parse(r.clearWhen());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".clear_when", e.getMessage());
            }
        }
        Duration forDuration = r.forDuration() == null ? Duration.ZERO : r.forDuration();
        Duration keep = r.keepFiringFor() == null ? Duration.ZERO : r.keepFiringFor();
        notNegative(where + ".for", forDuration);
        notNegative(where + ".keep_firing_for", keep);
        Duration cooldown = r.cooldown() == null ? DEFAULT_COOLDOWN : r.cooldown();
        notNegative(where + ".cooldown", cooldown);
        int maxPerHour = r.maxPerHour() == null ? DEFAULT_MAX_PER_HOUR : r.maxPerHour();
        if (maxPerHour < 1) {
            throw new ConfigException(where + ".max_per_hour", "must be at least 1");
        }
        if (r.action() == null || r.action().isBlank()) {
            throw new ConfigException(where + ".action", "is required (restart_service, scale_up or notify)");
        }
        Map<String, String> params = r.params() == null ? Map.of() : r.params();
        valuesPresent(where + ".params", params);
        try {
            checkAction.accept(r.action(), params);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + "." + e.getMessage().substring(0, e.getMessage().indexOf(':')),
                    e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip());
        }
        List<String> hosts = new ArrayList<>();
        Map<String, String> tags = Map.of();
        if (r.target() != null) {
            if (r.target().host() != null && !r.target().host().isBlank() && !r.target().host().equals("*")) {
                hosts.add(r.target().host().strip());
            }
            if (r.target().hosts() != null) {
                for (int h = 0; h < r.target().hosts().size(); h++) {
                    String host = r.target().hosts().get(h);
                    if (host == null || host.isBlank()) {
                        throw new ConfigException(where + ".target.hosts[" + h + "]", "needs a host name");
                    }
                    hosts.add(host);
                }
            }
            tags = r.target().tags() == null ? Map.of() : r.target().tags();
            valuesPresent(where + ".target.tags", tags);
        }
        Duration scaleInAfter = r.scaleInAfter();
        if (scaleInAfter != null) {
            if (!r.action().strip().equals("scale_up")) {
                throw new ConfigException(where + ".scale_in_after", "only for action scale_up (it returns the group to "
                        + "the capacity it had before the scale-up)");
            }
            if (scaleInAfter.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new ConfigException(where + ".scale_in_after", "must be at least 1m");
            }
        }
        return new Rule(r.name(), r.description() == null ? "" : r.description(), condition, forDuration, keep,
                r.action().strip(), params, hosts, tags, cooldown, maxPerHour, Boolean.TRUE.equals(r.requiresApproval()),
                Boolean.TRUE.equals(r.dryRun()), clearWhen, scaleInAfter);
    }

    /** YAML's {@code unit:} with nothing after it is a null value: name it instead of failing later. */
    private static void valuesPresent(String key, Map<String, String> values) {
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new ConfigException(key + "." + k, "needs a value");
            }
        });
    }

    private static void notNegative(String key, Duration d) {
        if (d.isNegative()) {
            throw new ConfigException(key, "must be 0 or more");
        }
    }
}
