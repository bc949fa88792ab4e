package io.smartcloudops.agent.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.smartcloudops.api.TextCut;
import java.util.stream.Collectors;

/**
 * Jackson's error messages, made readable for the person who wrote the YAML or the JSON: the first line
 * only, Java type names replaced, and short (Jackson quotes the offending value, which may be 100 KB).
 * One wording for {@code agent.yaml}, rules files and request bodies.
 */
public final class JacksonMessages {

    private static final int MAX = 300;

    private JacksonMessages() {
    }

    /** The first line of {@code jacksonMessage}, without Java type names, at most 300 characters. */
    public static String firstLine(String jacksonMessage) {
        if (jacksonMessage == null) {
            return "invalid value";
        }
        String m = jacksonMessage.replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "the expected type");
        int cut = m.indexOf('\n');
        return TextCut.ellipsis(cut > 0 ? m.substring(0, cut) : m, MAX);
    }

    /** Where the error is: {@code rules[0].when}, {@code params.unit}; empty at the top level. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
