package io.smartcloudops.console.model;

import io.smartcloudops.api.Json;
import io.smartcloudops.api.model.ModelCard;
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
 * The Model screen: the model card from the agent's {@code GET /model} ({@code model.json} of
 * {@code ml_models/}: features, parameters, thresholds, training data, evaluation figures, model file
 * hash) flattened into key/value rows, and its evaluation report images. An agent without that route
 * (or without a model file) is shown with the detector's summary from {@code /status} instead.
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

    /** An evaluation report image, as PNG bytes (the view decodes it). */
    public record Report(String name, byte[] png) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Report> reports = FXCollections.observableArrayList();
    private boolean fullCard;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Waiting for the agent's status...");

    /** The full card from {@code GET /model}; from then on /status no longer replaces it. */
    @SuppressWarnings("unchecked")
    public void applyCard(ModelCard card) {
        List<Row> out = new ArrayList<>();
        flatten("card", Json.mapper().convertValue(card.card(), Map.class), out);
        rows.setAll(out);
        fullCard = true;
        message.set("Model card of " + card.modelFile() + " (ml_models/model.json)"
                + (card.reports().isEmpty() ? "; no evaluation reports beside it." : "; evaluation reports: "
                + String.join(", ", card.reports()) + "."));
    }

    /**
     * A report image arrived. The same bytes again (the card is fetched again after each reconnect) change
     * nothing, so the view decodes each report once; the list changes in one step, sorted by name.
     */
    public void applyReport(String name, byte[] png) {
        boolean unchanged = reports.stream().anyMatch(r -> r.name().equals(name) && java.util.Arrays.equals(r.png(), png));
        if (unchanged) {
            return;
        }
        List<Report> next = new ArrayList<>(reports);
        next.removeIf(r -> r.name().equals(name));
        next.add(new Report(name, png));
        next.sort(java.util.Comparator.comparing(Report::name));
        reports.setAll(next);
    }

    /** {@code GET /model} answered with an error (e.g. 404: no model file): keep the /status summary. */
    public void cardUnavailable(String why) {
        fullCard = false;
        reports.clear();
        message.set("No model card from this agent (" + why + ")"
                + (rows.isEmpty() ? "." : "; below: the detector's summary from /status."));
    }

    public void applyStatus(AgentStatus status) {
        if (fullCard) {
            return;
        }
        boolean explained = message.get().startsWith("No model card from this agent (");
        List<Row> out = new ArrayList<>();
        for (String name : COMPONENT_NAMES) {
            Object part = status.components().get(name);
            if (part != null) {
                flatten(name, part, out);
            }
        }
        rows.setAll(out);
        if (explained) {
            return;
        }
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

    public ObservableList<Report> reports() {
        return reports;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
