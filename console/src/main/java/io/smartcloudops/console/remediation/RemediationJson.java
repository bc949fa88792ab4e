package io.smartcloudops.console.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.console.remediation.RemediationModels.Cooldown;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import io.smartcloudops.console.remediation.RemediationModels.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the agent's remediation JSON ({@code RemediationOptions}, {@code Remediation}) and writes
 * {@code RemediationRequest} bodies, tolerating fields a newer agent adds.
 */
public final class RemediationJson {

    private RemediationJson() {
    }

    public static Options options(JsonNode n) {
        List<String> units = new ArrayList<>();
        n.path("units").forEach(u -> units.add(u.asText()));
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : n.path("targets")) {
            Set<String> actions = new LinkedHashSet<>();
            t.path("actions").forEach(a -> actions.add(a.asText()));
            List<Cooldown> cooldowns = new ArrayList<>();
            for (JsonNode c : t.path("cooldowns")) {
                cooldowns.add(new Cooldown(c.path("action").asText(), c.path("unit").asText(""), instant(c.path("until"))));
            }
            targets.add(new Target(t.path("name").asText(), t.path("instance_id").asText(""),
                    t.path("auto_scaling_group").asText(""), actions, cooldowns, t.path("runs_last_hour").asInt(),
                    t.path("breaker_open").asBoolean()));
        }
        return new Options(n.path("enabled").asBoolean(), n.path("executor").asText(""), units, targets,
                n.path("pending_approvals").asInt());
    }

    public static Item item(JsonNode n) {
        List<String> plan = new ArrayList<>();
        for (JsonNode step : n.path("plan")) {
            List<String> argv = new ArrayList<>();
            step.path("command").forEach(a -> argv.add(a.asText()));
            String desc = step.path("description").asText("");
            plan.add((desc.isEmpty() ? "" : desc + ": ") + String.join(" ", argv));
        }
        return new Item(n.path("id").asText(), n.path("action").asText(), n.path("target").asText(),
                n.path("params").path("unit").asText(""), n.path("state").asText(""), n.path("result").asText(""),
                n.path("dry_run").asBoolean(), plan, n.path("detail").asText(""), n.path("trigger").asText(""),
                n.path("actor").asText(""), instant(n.path("created_at")));
    }

    public static List<Item> items(JsonNode list) {
        List<Item> out = new ArrayList<>();
        list.path("remediations").forEach(r -> out.add(item(r)));
        return out;
    }

    /** The {@code POST /remediations} body. */
    public static Map<String, Object> body(Request r, boolean dryRun) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("action", r.action());
        b.put("target", r.target());
        b.put("params", r.unit().isEmpty() ? Map.of() : Map.of("unit", r.unit()));
        b.put("dry_run", dryRun);
        b.put("reason", r.reason());
        return b;
    }

    private static Instant instant(JsonNode n) {
        if (n.isMissingNode() || n.isNull() || n.asText().isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
