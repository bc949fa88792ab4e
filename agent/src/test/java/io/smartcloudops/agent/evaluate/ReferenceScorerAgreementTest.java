package io.smartcloudops.agent.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.dataset.SeriesTable;
import io.smartcloudops.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java scorer against the numbers the reference scorer (eventf1.py) printed for the same alarm files,
 * pinned in src/test/resources/evaluate/: on the NAB development set (eventf1-reference.json) the two
 * baselines' alarms, always-on, no alarms, and timestamp-mapped alarms (exact, snapped, dropped,
 * duplicate timestamps, unknown file); on the NAB wide set (eventf1-reference-wide.json: hourly and
 * irregular sampling, repeated timestamps, series without windows) the detector's alarms of 2026-11-29,
 * always-on, no alarms and timestamp-mapped alarms. Every figure must agree exactly.
 */
class ReferenceScorerAgreementTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        JsonNode dev = reference("eventf1-reference.json");
        for (String name : List.of("isolation_forest_q0.995_m3_seed0", "robust_z_W12_k20_m3", "always_on", "empty", "every7_ts", "shifted")) {
            for (int cap : new int[] {0, 12}) {
                out.add(Arguments.of("dev", name, cap, dev.path("cases").path(name).path("cap" + cap)));
            }
        }
        JsonNode wide = reference("eventf1-reference-wide.json");
        for (String name : List.of("wide_detector_20261129", "always_on", "empty", "every7_ts")) {
            for (int cap : new int[] {0, 12}) {
                out.add(Arguments.of("wide", name, cap, wide.path("cases").path(name).path("cap" + cap)));
            }
        }
        return out.stream();
    }

    private static JsonNode reference(String file) throws IOException {
        try (InputStream in = ReferenceScorerAgreementTest.class.getResourceAsStream("/evaluate/" + file)) {
            return Json.mapper().readTree(in);
        }
    }

    @ParameterizedTest(name = "{0} set: {1}, FP cap {2}")
    @MethodSource("cases")
    void agreesExactlyWithTheReferenceScorer(String set, String name, int cap, JsonNode expected) throws IOException {
        assertThat(expected.isObject()).as("reference numbers for " + name).isTrue();
        NabData data = set.equals("wide") ? NabData.WIDE : NabData.DEV;
        LabelWindows labels = data.windows();
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        data.series().forEach((k, t) -> times.put(k, t.timestamps()));
        AlarmFile alarms = AlarmFile.read(alarmFile(data, set + "-" + name, name));
        List<String> warnings = new ArrayList<>();
        Map<String, int[]> rows = alarms.rows(labels, times, warnings::add);
        Evaluation ev = Evaluation.of(labels, Evaluation.series(times, rows), new ScoringRules(5, 0.15, cap));
        Summary s = ev.summary();

        assertThat(s.event().f1()).isEqualTo(expected.get("event_f1").asDouble());
        assertThat(s.event().precision()).isEqualTo(expected.get("event_precision").asDouble());
        assertThat(s.event().recall()).isEqualTo(expected.get("event_recall").asDouble());
        assertThat(s.detected()).isEqualTo(expected.get("detected").asInt());
        assertThat(s.fpEvents()).isEqualTo(expected.get("fp_events").asInt());
        assertThat(s.alarms()).isEqualTo(expected.get("alarms").asInt());
        assertThat(s.alarmRate()).isEqualTo(expected.get("alarm_rate").asDouble());
        assertThat(s.point().f1()).isEqualTo(expected.get("point_f1").asDouble());
        assertThat(s.pointAdjusted().f1()).isEqualTo(expected.get("pa_f1").asDouble());
        assertThat(s.eventF1Macro()).isEqualTo(expected.get("event_f1_macro").asDouble());
        if (expected.get("delay_mean").isNull()) {
            assertThat(s.delayMean()).isNaN();
        } else {
            assertThat(s.delayMean()).isEqualTo(expected.get("delay_mean").asDouble());
            assertThat(s.delayMedian()).isEqualTo(expected.get("delay_median").asDouble());
        }
        for (FileScore f : ev.capped()) {
            JsonNode e = expected.path("files").path(f.key());
            assertThat(f.detected()).as(f.key() + " detected").isEqualTo(e.get("detected").asInt());
            assertThat(f.fpEvents()).as(f.key() + " FP events").isEqualTo(e.get("fp_events").asInt());
            assertThat(f.alarms()).as(f.key() + " alarms").isEqualTo(e.get("alarms").asInt());
        }
        if (name.equals("shifted")) {
            assertThat(warnings).anyMatch(w -> w.contains("1 before the first row dropped"))
                    .anyMatch(w -> w.contains("1 alarm row(s) for files not in the labels were ignored"));
        }
    }

    /** The committed alarm files, or the generated ones described in the reference file. */
    private static Path alarmFile(NabData data, String fileName, String name) throws IOException {
        Path committed = Path.of("src/test/resources/evaluate/" + name + ".csv");
        if (Files.isRegularFile(committed)) {
            return committed;
        }
        Path out = dir.resolve(fileName + ".csv");
        StringBuilder sb = new StringBuilder();
        Map<String, SeriesTable> tables = data.series();
        switch (name) {
            case "always_on" -> {
                sb.append("file,timestamp,row\n");
                tables.forEach((k, t) -> {
                    for (int i = 0; i < t.rows(); i++) {
                        sb.append(k).append(',').append(t.rawTimestamps().get(i)).append(',').append(i).append('\n');
                    }
                });
            }
            case "empty" -> sb.append("file,timestamp\n");
            case "every7_ts", "shifted" -> {
                sb.append("file,timestamp\n");
                DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
                tables.forEach((k, t) -> {
                    for (int i = 3; i < t.rows(); i += 7) {
                        String ts = name.equals("shifted") ? iso.format(t.timestamps().get(i).plusSeconds(120)) : t.rawTimestamps().get(i);
                        sb.append(k).append(',').append(ts).append('\n');
                    }
                });
                if (name.equals("shifted")) {
                    sb.append("realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv,2000-01-01 00:00:00\n")
                            .append("unknown.csv,2014-01-01 00:00:00\n")
                            .append("data/realKnownCause/machine_temperature_system_failure.csv,2014-01-07 02:30:00\n")
                            .append("machine_temperature_system_failure.csv,2014-01-07 02:30:00\n");
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        Files.writeString(out, sb);
        return out;
    }
}
