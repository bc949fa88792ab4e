package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smartcloudops.agent.detect.ModelFile;
import io.smartcloudops.agent.evaluate.NabData;
import io.smartcloudops.api.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, evaluate and detect as a user runs them. */
class DetectionCommandsTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = AgentMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void evaluateReproducesThePublishedNabFigure() throws Exception {
        Path json = dir.resolve("nab.json");
        Run r = run("evaluate", "--data", NabData.DIR.resolve("data").toString(), "--labels",
                NabData.DIR.resolve("labels.json").toString(), "--json", json.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("OVERALL (micro)").contains("event F1 (FP cap 12 rows) = 0.720");
        JsonNode o = Json.mapper().readTree(json.toFile()).path("overall");
        // the figure docs/benchmarks.md and ml_models/model.json publish: change them together
        assertThat(o.path("detected").asInt()).isEqualTo(18);
        assertThat(o.path("fp_events_cap12").asInt()).isEqualTo(8);
        assertThat(o.path("event_f1_cap12").asDouble()).isGreaterThanOrEqualTo(0.50);
    }

    @Test
    void detectWritesOneRowPerRaisedAnomaly() throws Exception {
        Path alarms = dir.resolve("alarms.csv");
        Path input = NabData.DIR.resolve("data/realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv");
        Run r = run("detect", "--input", input.toString(), "--output", alarms.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(alarms);
        assertThat(lines.getFirst()).isEqualTo("file,timestamp,score,severity,row");
        // the drop to 55 % and, later, the plateau at 25 %: both inside NAB's labelled window (rows 1526-1868)
        assertThat(lines).hasSize(3);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells[0]).endsWith("ec2_cpu_utilization_825cc2.csv");
            assertThat(Double.parseDouble(cells[2])).isBetween(0.5, 1.0);
            assertThat(cells[3]).isIn("low", "medium", "high", "critical");
            assertThat(Integer.parseInt(cells[4])).isBetween(1526, 1868);
        }
    }

    @Test
    void trainWritesAVerifiableModelAndEvaluateRecordsIntoItsCard() throws Exception {
        Path csv = hostCsv(dir.resolve("data/web-1.csv"), 600, 400);
        Path labels = Files.writeString(dir.resolve("labels.json"),
                "{\"web-1.csv\": [[\"2026-11-01T00:33:20Z\", \"2026-11-01T00:36:00Z\"]]}");
        Path model = dir.resolve("models/anomaly_model.ser");
        Run train = run("train", "--data", dir.resolve("data").toString(), "--labels", labels.toString(), "--out", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("host web-1: 600 rows (33 in labelled windows left out)");
        JsonNode card = Json.mapper().readTree(ModelFile.cardFor(model).toFile());
        assertThat(card.path("sha256").asText()).isEqualTo(ModelFile.sha256(model));
        assertThat(card.path("hosts").get(0).path("host").asText()).isEqualTo("web-1");
        assertThat(card.path("hosts").get(0).path("rows_seen").asInt()).isEqualTo(600);
        assertThat(card.path("evaluations").path("training_files").path("overall").path("detected").asInt()).isEqualTo(1);

        Run ev = run("evaluate", "--data", csv.toString(), "--labels", labels.toString(), "--model", model.toString(),
                "--record", "web", "--report", dir.resolve("web.png").toString());
        assertThat(ev.code()).as(ev.err()).isZero();
        card = Json.mapper().readTree(ModelFile.cardFor(model).toFile());
        assertThat(card.path("evaluations").path("web").path("overall").path("windows").asInt()).isEqualTo(1);
        byte[] png = Files.readAllBytes(dir.resolve("web.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        byte[] b = Files.readAllBytes(model);
        b[b.length / 3] ^= 4;
        Files.write(model, b);
        Run refused = run("detect", "--input", csv.toString(), "--output", dir.resolve("a.csv").toString(), "--model", model.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--model: model").contains("refused").contains("SHA-256");
    }

    @Test
    void badInputNamesTheOption() throws Exception {
        Path csv = hostCsv(dir.resolve("web-2.csv"), 100, -1);
        Path labels = Files.writeString(dir.resolve("bad.json"), "{\"web-2.csv\": [[\"2026-11-01\", \"yesterday\"]]}");
        Run r = run("evaluate", "--data", csv.toString(), "--labels", labels.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--labels:").contains("window for web-2.csv");

        Run missing = run("detect", "--input", dir.resolve("nope.csv").toString(), "--output", dir.resolve("o.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--input: file not found");

        Path tiny = hostCsv(dir.resolve("tiny.csv"), 5, -1);
        Run short_ = run("detect", "--input", tiny.toString(), "--output", dir.resolve("o.csv").toString());
        assertThat(short_.code()).isEqualTo(2);
        assertThat(short_.err()).contains("too short");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void evaluateSuiteScoresEveryDataSetByCategory() throws Exception {
        Path root = dir.resolve("datasets");
        String dev = "realAWSCloudwatch/ec2_cpu_utilization_825cc2.csv";
        Files.createDirectories(root.resolve("nab/data/realAWSCloudwatch"));
        Files.copy(NabData.DIR.resolve("data").resolve(dev), root.resolve("nab/data").resolve(dev));
        Files.writeString(root.resolve("nab/labels.json"),
                "{\"" + dev + "\": [[\"2014-04-15 07:24:00.000000\", \"2014-04-16 11:54:00.000000\"]]}");
        String flat = "artificialNoAnomaly/art_flatline.csv";
        Files.createDirectories(root.resolve("nab-wide/data/artificialNoAnomaly"));
        Files.copy(NabData.WIDE.dir().resolve("data").resolve(flat), root.resolve("nab-wide/data").resolve(flat));
        Files.writeString(root.resolve("nab-wide/labels.json"), "{\"" + flat + "\": []}");
        hostCsv(root.resolve("faults/run-1/web-1.csv"), 600, 400);
        Files.writeString(root.resolve("faults/labels.json"),
                "{\"run-1/web-1.csv\": [[\"2026-11-01T00:33:20Z\", \"2026-11-01T00:36:00Z\"]]}");

        Run r = run("evaluate", "--suite", root.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("dev/realAWSCloudwatch").contains("dev (total)").contains("wide/artificialNoAnomaly")
                .contains("faults/run-1").contains("dev+wide (NAB total)")
                .contains("worst NAB category with windows: dev/realAWSCloudwatch")
                .contains("false-alarm events on wide/artificialNoAnomaly: 0")
                .contains("anomaly records per detected fault window: 1.000 (1 records, 1 windows found)");

        Files.delete(root.resolve("faults/labels.json"));
        Run missing = run("evaluate", "--suite", root.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--suite:").contains("faults: no labels.json");
        Run mixed = run("evaluate", "--suite", root.toString(), "--labels", "x.json");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err()).contains("--suite: scores the whole suite");
    }

    /** A host CSV, rows 5 s apart, with a CPU and memory jump from row {@code faultAt} for 20 rows. */
    static Path hostCsv(Path file, int rows, int faultAt) throws Exception {
        Files.createDirectories(file.getParent());
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("timestamp,cpu,mem,disk,load1\n");
        java.time.Instant t0 = java.time.Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            boolean fault = faultAt >= 0 && i >= faultAt && i < faultAt + 20;
            sb.append(t0.plusSeconds(5L * i)).append(String.format(Locale.ROOT, ",%.2f,%.2f,%.2f,%.2f%n",
                    fault ? 95 + r.nextGaussian() : 20 + r.nextGaussian() * 2, fault ? 70 : 35 + r.nextGaussian() * 0.2,
                    60 + r.nextGaussian() * 0.01, fault ? 3 : 0.4 + r.nextGaussian() * 0.05));
        }
        Files.writeString(file, sb);
        return file;
    }
}
