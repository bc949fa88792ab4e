package io.smartcloudops.agent.chat.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.api.Json;
import java.util.List;
import java.util.function.Function;

/**
 * One tool: its name, what it is for, its arguments, and how validated arguments become a {@link ToolCall}.
 * The JSON schema the model sees is generated from the same {@link ToolParam}s that validation enforces.
 */
public record ToolDefinition(String name, String description, List<ToolParam> params,
                             Function<ToolArguments, ToolCall<?>> build) {

    public ToolDefinition {
        params = List.copyOf(params);
    }

    /** JSON Schema of the arguments: {@code {"type":"object","properties":{...},"required":[...],"additionalProperties":false}}. */
    public ObjectNode parametersSchema() {
        ObjectNode schema = Json.mapper().createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.mapper().createArrayNode();
        for (ToolParam p : params) {
            ObjectNode prop = properties.putObject(p.name());
            prop.put("type", p.type());
            prop.put("description", p.description());
            if (!p.allowed().isEmpty()) {
                ArrayNode values = prop.putArray("enum");
                p.allowed().forEach(values::add);
            }
            if (p.type().equals("integer")) {
                prop.put("minimum", p.min());
                prop.put("maximum", p.max());
            } else if (p.allowed().isEmpty()) {
                prop.put("maxLength", p.max());
            }
            if (p.required()) {
                required.add(p.name());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }
}
