package io.smartcloudops.console.model;

import io.smartcloudops.api.status.AgentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Model screen: the detector's model card as the agent reports it in {@code /status} (component
 * {@code detector}, or {@code model}), flattened into key/value rows: features, parameters,
 * thresholds, training data, evaluation figures, model file hash.
 */
public final class ModelViewModel {

    /**
     * One line of the card.
     *
     * @param key   dotted path, e.g. {@code model.evaluation.f1}
     * @param value the value as text
     */
    public record Row(String key, String value) {
    }

    static final List<String> COMPONENT_NAMES = List.of("model", "detector");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Waiting for the agent's status...");

    public void applyStatus(AgentStatus status) {
        List<Row> out = new ArrayList<>();
        for (String name : COMPONENT_NAMES) {
            Object part = status.components().get(name);
            if (part != null) {
                flatten(name, part, out);
            }
        }
        rows.setAll(out);
        message.set(out.isEmpty()
                ? "Agent " + status.version() + " publishes no model card: its /status has no 'detector' or 'model'"
                  + " component, so this agent does not score anomalies yet. Nothing is shown rather than a made-up card."
                : "Model card as reported by agent " + status.version() + " in /status.");
    }

    static void flatten(String prefix, Object value, List<Row> out) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.add(new Row(prefix, "{}"));
            }
            m.forEach((k, v) -> flatten(prefix + "." + k, v, out));
        } else if (value instanceof List<?> l && !l.isEmpty() && l.stream().anyMatch(x -> x instanceof Map<?, ?>)) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), out);
            }
        } else {
            out.add(new Row(prefix, format(value)));
        }
    }

    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Math.abs(d) >= 1000 || d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
