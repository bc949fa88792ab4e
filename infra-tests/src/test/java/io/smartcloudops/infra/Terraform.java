package io.smartcloudops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * terraform/ as parsed by HashiCorp's HCL parser (@cdktf/hcl2json under Node). Blocks become
 * arrays of objects; expressions stay strings such as {@code "${var.admin_cidrs}"}.
 */
final class Terraform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOOLS = Repo.path("infra-tests");
    private static Terraform loaded;

    /** File name to that file's JSON. */
    final Map<String, JsonNode> files;
    /** The files merged: resource/data by type then name, variable/output by name, locals merged. */
    final ObjectNode merged;

    private Terraform(Map<String, JsonNode> files) {
        this.files = files;
        this.merged = JsonNodeFactory.instance.objectNode();
        ObjectNode locals = merged.putObject("locals");
        for (var entry : files.entrySet()) {
            if (entry.getKey().endsWith(".example")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.getValue().fields(); it.hasNext(); ) {
                var top = it.next();
                if (top.getKey().equals("locals")) {
                    top.getValue().forEach(block -> locals.setAll((ObjectNode) block));
                } else if (top.getValue().isObject()) {
                    deepMerge(merged.with(top.getKey()), (ObjectNode) top.getValue());
                } else {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) merged.withArray(top.getKey())).addAll(
                            (com.fasterxml.jackson.databind.node.ArrayNode) top.getValue());
                }
            }
        }
    }

    static synchronized Terraform load() throws Exception {
        if (loaded == null) {
            Path node = Tools.require("node", "Node.js, which this machine kind ships");
            if (!Files.isDirectory(TOOLS.resolve("node_modules/@cdktf/hcl2json"))) {
                Path npm = Tools.require("npm", "npm, which this machine kind ships");
                Exec.Result install = Exec.run(TOOLS, Duration.ofMinutes(3),
                        List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"));
                if (install.exitCode() != 0) {
                    throw new AssertionError("npm ci in infra-tests failed: " + install);
                }
            }
            Exec.Result r = Exec.run(TOOLS, Duration.ofMinutes(1), List.of(node.toString(),
                    "src/test/node/hcl2json.mjs", Repo.path("terraform").toString(), "backend.tf.example"));
            if (r.exitCode() != 0) {
                throw new AssertionError("HCL parser failed: " + r);
            }
            JsonNode all = JSON.readTree(r.output());
            Map<String, JsonNode> files = new LinkedHashMap<>();
            all.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue()));
            loaded = new Terraform(files);
        }
        return loaded;
    }

    /** Every resource of a type: name to its (single) body. */
    Map<String, JsonNode> resources(String type) {
        return blocks(merged.path("resource").path(type));
    }

    JsonNode resource(String type, String name) {
        JsonNode r = resources(type).get(name);
        if (r == null) {
            throw new AssertionError("terraform/ has no resource " + type + "." + name);
        }
        return r;
    }

    Map<String, JsonNode> data(String type) {
        return blocks(merged.path("data").path(type));
    }

    Map<String, JsonNode> variables() {
        return blocks(merged.path("variable"));
    }

    Map<String, JsonNode> outputs() {
        return blocks(merged.path("output"));
    }

    JsonNode locals() {
        return merged.path("locals");
    }

    /** Resource types present, with their resources. */
    Map<String, Map<String, JsonNode>> allResources() {
        Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
        merged.path("resource").fields().forEachRemaining(e -> out.put(e.getKey(), blocks(e.getValue())));
        return out;
    }

    /** The first nested block of that name (blocks are arrays in hcl2json's output). */
    static JsonNode block(JsonNode body, String name) {
        JsonNode b = body.path(name);
        return b.isArray() && !b.isEmpty() ? b.get(0) : b;
    }

    static List<JsonNode> blockList(JsonNode body, String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode b = body.path(name);
        if (b.isArray()) {
            b.forEach(out::add);
        } else if (!b.isMissingNode()) {
            out.add(b);
        }
        return out;
    }

    private static final Pattern WHOLE_EXPRESSION = Pattern.compile("^\\$\\{(.*)}$", Pattern.DOTALL);

    /** {@code "${var.x}"} to {@code var.x}; literals unchanged. */
    static String expr(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        Matcher m = WHOLE_EXPRESSION.matcher(text);
        return m.matches() ? m.group(1).trim() : text;
    }

    private static Map<String, JsonNode> blocks(JsonNode byName) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        byName.fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isArray() ? e.getValue().get(0) : e.getValue()));
        return out;
    }

    private static void deepMerge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode fo) {
                deepMerge(eo, fo);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }
}
