package io.smartcloudops.agent.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smartcloudops.api.time.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds {@link AgentConfig} from, in increasing precedence: built-in defaults, {@code agent.yaml},
 * {@code SMARTCLOUDOPS_*} environment variables, command-line flags. Every scalar key has an
 * environment variable named after its path ({@code source.interval} → {@code SMARTCLOUDOPS_SOURCE_INTERVAL});
 * a few short aliases exist ({@link #ALIASES}). Unknown keys and bad values fail with the key named.
 */
public final class ConfigLoader {

    static final String ENV_PREFIX = "SMARTCLOUDOPS_";

    /** Short environment names that DESIGN.md promises, mapped to their keys. */
    static final Map<String, String> ALIASES = Map.of(
            "SMARTCLOUDOPS_VIEWER_TOKEN", "auth.viewer_token",
            "SMARTCLOUDOPS_OPERATOR_TOKEN", "auth.operator_token",
            "SMARTCLOUDOPS_WEBHOOK_TOKEN", "auth.webhook_token",
            "SMARTCLOUDOPS_BIND", "server.bind",
            "SMARTCLOUDOPS_SOURCE", "source.spec",
            // the names Terraform writes into /etc/smartcloudops/agent.env
            "SMARTCLOUDOPS_SNS_TOPIC_ARN", "aws.sns_topic_arn",
            "SMARTCLOUDOPS_RESTART_DOCUMENT", "aws.ssm_document",
            "SMARTCLOUDOPS_AUTOSCALING_GROUP", "remediation.auto_scaling_group");

    private static final ObjectMapper YAML = createMapper();

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The mapper for configuration files: YAML, snake_case keys, durations as {@code 5s}/{@code 3m}. */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }

    private static ObjectMapper createMapper() {
        SimpleModule durations = new SimpleModule("durations");
        durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                try {
                    return DurationText.parse(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage(), e);
                }
            }
        });
        durations.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(DurationText.format(value));
            }
        });
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(durations)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    /**
     * Loads the configuration.
     *
     * @param file      {@code agent.yaml}, or null for none
     * @param overrides command-line values by dotted key ({@code source.spec}, {@code server.bind}, ...)
     */
    public AgentConfig load(Path file, Map<String, String> overrides) {
        ObjectNode tree = YAML.valueToTree(AgentConfig.defaults());
        Map<String, String> envNames = envNames(tree);
        if (file != null) {
            merge(tree, readFile(file), "");
        }
        // A value's origin when it is not the file, so that an error names what the person actually set.
        Map<String, String> origins = new HashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = envNames.get(e.getKey());
            if (key == null) {
                key = ALIASES.get(e.getKey());
            }
            if (key != null) {
                set(tree, key, e.getValue());
                origins.put(key, "the environment variable " + e.getKey());
            }
        }
        overrides.forEach((key, value) -> {
            if (value != null) {
                set(tree, key, value);
                origins.put(key, "the command line");
            }
        });
        try {
            AgentConfig config = bind(tree);
            ConfigValidator.validate(config);
            return config;
        } catch (ConfigException e) {
            String origin = origins.get(e.key());
            throw origin == null ? e : e.setBy(origin);
        }
    }

    /**
     * The {@code SMARTCLOUDOPS_*} variables that name no setting but are at most two letters from one's: most
     * likely typos (a letter left out of a name), which would otherwise be ignored without a word.
     * Other variables of the prefix (the launcher's, Grafana's) are far from every setting and not named.
     */
    public List<String> misspeltVariables() {
        List<String> known = environmentVariables();
        List<String> notes = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.startsWith(ENV_PREFIX) || known.contains(name)) {
                continue;
            }
            known.stream().filter(k -> editDistance(name, k) <= 2).findFirst().ifPresent(k ->
                    notes.add(name + " is not a setting and is ignored: did you mean " + k + "?"));
        }
        return notes;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Environment variable name → dotted key, for every scalar key of the defaults. */
    static Map<String, String> envNames(JsonNode defaults) {
        Map<String, String> names = new LinkedHashMap<>();
        collectLeaves(defaults, "", names);
        return names;
    }

    /** The documented list of environment variables (for {@code --help} and docs). */
    public static List<String> environmentVariables() {
        List<String> names = new ArrayList<>(envNames(YAML.valueToTree(AgentConfig.defaults())).keySet());
        names.addAll(ALIASES.keySet());
        return names.stream().sorted().collect(Collectors.toList());
    }

    private static void collectLeaves(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                collectLeaves(f.getValue(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), out);
            }
        } else if (!node.isArray()) {
            out.put(ENV_PREFIX + prefix.replace('.', '_').toUpperCase(Locale.ROOT), prefix);
        }
    }

    private static JsonNode readFile(Path file) {
        try {
            String text = Files.readString(file);
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file.toString(), "must be a YAML mapping of sections (server, source, ...)");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ConfigException("--config", "file not found: " + file);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file.toString(), "not valid YAML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + JacksonMessages.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode existing = target.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, f.getValue(), key);
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    private static void set(ObjectNode tree, String dottedKey, String value) {
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    private static AgentConfig bind(JsonNode tree) {
        try {
            return YAML.treeToValue(tree, AgentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String key = path(e);
            throw new ConfigException(key, "unknown key (known here: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            String detail = e.getOriginalMessage();
            if (e.getCause() instanceof IllegalArgumentException iae) {
                detail = iae.getMessage();
            }
            throw new ConfigException(path(e), JacksonMessages.firstLine(detail));
        } catch (JsonProcessingException e) {
            throw new ConfigException("config", JacksonMessages.firstLine(e.getOriginalMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName().isEmpty() ? "\"\"" : r.getFieldName())
                .collect(Collectors.joining("."));
        return p.isEmpty() ? "config" : p.replace(".[", "[");
    }
}
