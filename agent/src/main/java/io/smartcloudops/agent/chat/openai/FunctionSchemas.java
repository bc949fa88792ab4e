package io.smartcloudops.agent.chat.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionTool;
import io.smartcloudops.agent.chat.tools.ToolCatalog;
import io.smartcloudops.agent.chat.tools.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The catalog's tools as Chat Completions function tools: same names, descriptions and argument schemas. */
final class FunctionSchemas {

    private FunctionSchemas() {
    }

    static List<ChatCompletionTool> of(ToolCatalog catalog) {
        List<ChatCompletionTool> out = new ArrayList<>();
        for (ToolDefinition d : catalog.definitions()) {
            FunctionParameters.Builder parameters = FunctionParameters.builder();
            d.parametersSchema().fields().forEachRemaining((Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f) ->
                    parameters.putAdditionalProperty(f.getKey(), JsonValue.fromJsonNode(f.getValue())));
            out.add(ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder()
                            .name(d.name())
                            .description(d.description())
                            .parameters(parameters.build())
                            .build())
                    .build()));
        }
        return List.copyOf(out);
    }
}
