package io.smartcloudops.agent.chat.tools;

import java.util.List;

/**
 * One argument of a tool: what the JSON schema says and what validation enforces.
 *
 * @param name        argument name
 * @param type        {@code string} or {@code integer}
 * @param description for the model
 * @param required    whether it must be given
 * @param allowed     the only accepted values (strings), empty for any
 * @param min         smallest integer accepted
 * @param max         largest integer accepted (strings: longest length)
 */
public record ToolParam(String name, String type, String description, boolean required, List<String> allowed,
                        int min, int max) {

    public static final int MAX_STRING = 256;

    public ToolParam {
        allowed = List.copyOf(allowed);
    }

    public static ToolParam string(String name, boolean required, String description) {
        return new ToolParam(name, "string", description, required, List.of(), 0, MAX_STRING);
    }

    public static ToolParam text(String name, boolean required, int maxLength, String description) {
        return new ToolParam(name, "string", description, required, List.of(), 0, maxLength);
    }

    public static ToolParam oneOf(String name, boolean required, List<String> allowed, String description) {
        return new ToolParam(name, "string", description, required, allowed, 0, MAX_STRING);
    }

    public static ToolParam integer(String name, int min, int max, String description) {
        return new ToolParam(name, "integer", description, false, List.of(), min, max);
    }
}
