package io.smartcloudops.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One YAML reader for the tests. */
final class Yaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    static JsonNode file(String relative) {
        return parse(Repo.read(relative));
    }

    static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
