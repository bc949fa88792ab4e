package io.smartcloudops.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code GET /model}: the model card of the detector's model.
 *
 * @param modelFile where the agent loads the model from
 * @param card      the card as written by {@code train} ({@code model.json}): features, parameters,
 *                  thresholds, training data, evaluation figures, Smile version, SHA-256 of the model file
 * @param reports   evaluation report images, fetched with {@code GET /model/reports/{name}}
 */
public record ModelCard(String modelFile, JsonNode card, List<String> reports) {
}
