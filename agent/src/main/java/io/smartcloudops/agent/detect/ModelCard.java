package io.smartcloudops.agent.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.AgentVersion;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code model.json}: the model card written beside the model by {@code train} (what the model is, how
 * it decides, what it was trained on, the SHA-256 that loading checks) and extended by
 * {@code evaluate --record NAME} with measured figures.
 */
public final class ModelCard {

    /** A training file as the card lists it. */
    public record TrainingFile(String file, String host, int rows, int rowsUsed, String sha256) {
    }

    private ModelCard() {
    }

    public static ObjectNode build(Path modelFile, String sha256, DetectorModel model, List<TrainingFile> data,
                                   Instant createdAt) {
        ObjectNode card = Json.mapper().createObjectNode();
        card.put("name", "Smart Cloud Ops AI anomaly detector");
        card.put("model_file", modelFile.getFileName().toString());
        card.put("sha256", sha256);
        card.put("format_version", model.formatVersion());
        card.put("created_at", createdAt.toString());
        card.put("agent_version", AgentVersion.get());
        card.put("licence", "GPL-3.0-or-later");
        card.put("algorithm", "Per host (or series) and metric, online and causal, learning on every row. Features of the "
                + "metric's values, or of its residuals from a daily or weekly profile once the history shows that cycle: the "
                + "largest and smallest of the last spike_window values, the mean of the last level_window and the standard "
                + "deviation of the last spread_window. Novelty of a feature = how far it lies beyond its own range over the "
                + "trailing horizon (horizon_days, in rows from the series' median timestamp step, leaving out the last "
                + "exclusion_rows), in units of its recent robust scale max(IQR, std/2, scale_range_fraction x range, floor); "
                + "for a host metric a feature beyond its range by less than its floor (the smallest meaningful change) has no "
                + "novelty. "
                + "A row counts towards an incident when the largest novelty over the metrics reaches clear_novelty, or "
                + "band_novelty for band_confirm_rows rows in a row that cover band_confirm_seconds at the series' sampling interval; "
                + "an incident is raised after confirm_rows such rows and "
                + "stays open while the novelty holds at keep_novelty, ending after close_after_rows rows that do not.");
        card.put("seasonality", "Per metric: phase bins of the day (daily_bins) and of the week (weekly_bins), each the mean of "
                + "the bin's rows in each of the last daily_cycles / weekly_cycles cycles. Expected value = median of the bin's "
                + "and its neighbours' values. A season is switched on when the autocorrelation at one cycle's lag (each cycle's "
                + "mean removed) reaches season_on after two cycles, off below season_off; the weekly one is followed once it "
                + "predicts better than the daily one. A season is followed only while it explains at least season_min_r2 of "
                + "the metric's variance (1 - mean square around its expectation / mean square around the median). A dip below "
                + "the season's expectation counts only as far as the values dip below their own range too (a missing peak "
                + "shows in the level feature). Rows of an open incident do not enter the profiles (for up to adopt_rows rows).");
        card.put("level_shifts", "CUSUM of the value's deviation from the recent level in robust standard deviations clipped "
                + "at 3 (drift shift_drift, decision shift_threshold): a confirmed shift re-centres the expected level and is "
                + "shown as 'level just shifted' for shift_memory_rows rows. The incident itself is raised once by the novelty "
                + "of the level feature; the new level becomes normal when it is older than exclusion_rows and in the horizon.");
        card.put("feedback", "Every incident keeps, per metric and feature side that flagged it (spike up, dip, level or spread "
                + "up or down; values or residuals), the range edge it was measured against when raised and its peak feature "
                + "value. A false_alarm verdict tolerates on that side values up to the peak plus feedback_margin x its excess "
                + "over the edge, in the feature's own units, for as long as the verdict is in force (also once the horizon and "
                + "the incident memory have forgotten it) and while the side's range reaches at least the edge minus the excess "
                + "(the level it was given at): a pattern up to that size stays quiet, a larger one is judged against the usual "
                + "range as if no verdict had been given, other features and metrics are untouched. A confirmed pattern that a "
                + "false alarm's tolerance would swallow (its peak past that false alarm's edge and within the tolerance) limits "
                + "the tolerance to the confirmation's edge + band_novelty / clear_novelty x its excess, so a pattern as large "
                + "as the confirmed one alarms again.");
        ArrayNode features = card.putArray("features");
        DetectorSettings s = model.settings();
        feature(features, "<metric>.max" + s.spikeWindow(), "largest of the last " + s.spikeWindow() + " values (spikes up)");
        feature(features, "<metric>.min" + s.spikeWindow(), "smallest of the last " + s.spikeWindow() + " values (dips)");
        feature(features, "<metric>.mean" + s.levelWindow(), "mean of the last " + s.levelWindow() + " values (level shifts, drifts)");
        feature(features, "<metric>.std" + s.spreadWindow(), "sample standard deviation of the last " + s.spreadWindow()
                + " values (variance changes)");
        ObjectNode p = card.putObject("parameters");
        s.parameters().forEach((k, v) -> p.putPOJO(k, v));
        ObjectNode floors = p.putObject("scale_floors_host_metrics");
        for (io.smartcloudops.api.Metric m : io.smartcloudops.api.Metric.values()) {
            floors.put(m.key(), s.scaleFloor(m));
        }
        card.put("score", "0..1 = r / (1 + r) with r = novelty / clear_novelty: 0.5 alarms at once, borderline rows that last "
                + "alarm below it");
        card.put("severity", "r = novelty / band_novelty, d = |value - expected| / the level feature's scale of the leading "
                + "metric: critical if r >= 8 or d >= 24, high if r >= 4 or d >= 12, medium if r >= 2 or d >= 6, else low; for "
                + "host metrics the change |value - expected| at the row judged, in the metric's own units, holds it back (a "
                + "burst over by the third row that raises it counts as what is left of it): under 10 points of cpu/disk_io, 5 "
                + "of mem, 0.5 of disk, 1 of load1 at most low, under 25, 10, 1 and 2 at most medium; then host metrics at >= "
                + "95 %: mem/disk critical, cpu/disk_io at least high");
        card.put("explanations", "contributors = the metrics that moved (novelty at keep_novelty), most novel first, at most 3: "
                + "value, expected value, deviation and what moved in the metric's own terms: the value against its usual range "
                + "of single values (lower quartile of recent dips to upper quartile of recent peaks) when the value lies outside "
                + "it by at least the metric's floor, 'cpu 97.0% (expected 20.0%-35.0% at this hour)'; otherwise the feature "
                + "that moved against the edge of its trailing range, 'cpu spiked to 12.0% (up to 0.7% before)', 'mem averaged "
                + "27.9% over the last 2m (at most 9.4% before)'; the summary joins them");
        card.put("online", "The agent loads this file at start (SHA-256 checked against this card, ObjectInputFilter allow-list). "
                + "A host listed under hosts goes on from the state its history left; any other host starts empty and raises "
                + "nothing for its first detect.min_samples samples. Back-filled history counts as learning samples.");
        ArrayNode hosts = card.putArray("hosts");
        for (HostModel h : model.hostList()) {
            ObjectNode hn = hosts.addObject();
            hn.put("host", h.host());
            ArrayNode metrics = hn.putArray("metrics");
            for (String k : h.state().metrics()) {
                metrics.add(k);
            }
            hn.put("rows_seen", h.state().row());
            ObjectNode seasons = hn.putObject("season");
            for (DetectorState.Track t : h.state().tracks()) {
                seasons.put(t.metric(), Season.values()[t.active()].key());
            }
        }
        ArrayNode training = card.putArray("training_data");
        for (TrainingFile f : data) {
            training.addPOJO(f);
        }
        card.putObject("evaluations");
        card.put("settings_tried", "docs/benchmarks.md, section Detection: every setting tried on the development data");
        return card;
    }

    private static void feature(ArrayNode features, String name, String description) {
        ObjectNode f = features.addObject();
        f.put("name", name);
        f.put("description", description);
    }

    public static void write(Path card, JsonNode content) throws IOException {
        Path tmp = card.resolveSibling(card.getFileName() + ".tmp");
        Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n");
        Files.move(tmp, card, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Stores {@code figures} under {@code evaluations.<name>} of an existing card. */
    public static void recordEvaluation(Path card, String name, JsonNode figures) throws IOException {
        JsonNode root = Json.mapper().readTree(Files.readString(card));
        if (!(root instanceof ObjectNode obj)) {
            throw new IOException(card + " is not a model card");
        }
        JsonNode ev = obj.get("evaluations");
        ObjectNode evaluations = ev instanceof ObjectNode o ? o : obj.putObject("evaluations");
        evaluations.set(name, figures);
        write(card, obj);
    }
}
