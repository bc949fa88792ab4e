package io.smartcloudops.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.detect.BatchDetector;
import io.smartcloudops.agent.detect.DetectorModel;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.HostModel;
import io.smartcloudops.agent.detect.ModelCard;
import io.smartcloudops.agent.detect.ModelFile;
import io.smartcloudops.agent.detect.SeriesDetector;
import io.smartcloudops.api.Metric;
import io.smartcloudops.agent.evaluate.Evaluation;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: runs the detector over every host's history and writes its state as the model, with its card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Run the detector over host CSVs (each file is one host, named by its file name) and write its state",
                "as the model plus model.json (the card, with the model's SHA-256) beside it. The agent then scores those",
                "hosts from their first sample, with the seasons and ranges their history shows. --labels leaves labelled",
                "incidents out of what is learned and records how this configuration scores on the files (protocol of detect)."},
        footerHeading = "%nExamples:%n",
        footer = {"  export --prometheus http://127.0.0.1:9090 --range 7d --step 1m --out history/",
                "  train --data history/ --out ml_models/anomaly_model.ser",
                "  train --data ml_models/datasets/faults/run-1 --labels ml_models/datasets/faults/labels.json --out ml_models/anomaly_model.ser"})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "CSV", description = "host CSVs or directories of them")
    List<Path> data;

    @Option(names = "--labels", paramLabel = "FILE", description = "incident windows to leave out of what is learned (NAB format)")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "model file, e.g. ml_models/anomaly_model.ser")
    Path out;

    @Override
    public Integer call() throws Exception {
        DetectorSettings settings = DetectorSettings.defaults();
        LabelWindows windows = null;
        if (labels != null) {
            try {
                windows = LabelWindows.read(labels);
            } catch (IOException e) {
                throw new UsageException("--labels: " + e.getMessage());
            }
        }
        List<SeriesInputs.Input> inputs = SeriesInputs.read("--data", data);
        Map<String, SeriesInputs.Input> byHost = new LinkedHashMap<>();
        for (SeriesInputs.Input in : inputs) {
            SeriesInputs.Input before = byHost.putIfAbsent(in.table().hostName(), in);
            if (before != null) {
                throw new UsageException("--data: two files for host '" + in.table().hostName() + "' (" + before.name() + ", "
                        + in.name() + "): a host is named by its file name");
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        List<HostModel> hosts = new ArrayList<>();
        List<ModelCard.TrainingFile> files = new ArrayList<>();
        for (SeriesInputs.Input in : byHost.values()) {
            var table = in.table();
            boolean[] exclude = new boolean[table.rows()];
            Optional<String> key = windows == null ? Optional.empty() : windows.keyFor(in.name());
            int excluded = 0;
            if (key.isPresent()) {
                for (var w : windows.windows(key.get())) {
                    for (int i = 0; i < table.rows(); i++) {
                        if (w.contains(table.timestamps().get(i)) && !exclude[i]) {
                            exclude[i] = true;
                            excluded++;
                        }
                    }
                }
            }
            List<Metric> metrics = new ArrayList<>(table.metrics());
            if (table.rows() < 2) {
                throw new UsageException("--data: " + in.name() + ": " + table.rows() + " rows is too short to learn from");
            }
            SeriesDetector d = new SeriesDetector(settings, metrics, !table.singleMetric(), 0);
            double[] row = new double[metrics.size()];
            for (int i = 0; i < table.rows(); i++) {
                for (int m = 0; m < row.length; m++) {
                    // a labelled incident is fed as missing: it must not become this host's normal
                    row[m] = exclude[i] ? Double.NaN : table.columns().get(metrics.get(m))[i];
                }
                d.next(table.timestamps().get(i).toEpochMilli(), row);
            }
            hosts.add(new HostModel(table.hostName(), d.snapshot()));
            files.add(new ModelCard.TrainingFile(in.name(), table.hostName(), table.rows(), table.rows() - excluded,
                    ModelFile.sha256(table.file())));
            pw.printf(Locale.ROOT, "host %s: %d rows (%d in labelled windows left out), metrics %s%n", table.hostName(),
                    table.rows(), excluded, String.join(",", metrics.stream().map(Metric::key).toList()));
        }
        DetectorModel model = DetectorModel.of(settings, hosts);
        String sha = ModelFile.write(out, model);
        ObjectNode card = ModelCard.build(out, sha, model, files, Instant.now());
        Path cardFile = ModelFile.cardFor(out);
        ModelCard.write(cardFile, card);
        if (windows != null) {
            LabelWindows w = windows;
            Map<String, List<Instant>> times = new LinkedHashMap<>();
            Map<String, int[]> rows = new LinkedHashMap<>();
            for (SeriesInputs.Input in : byHost.values()) {
                Optional<String> key = w.keyFor(in.name());
                if (key.isPresent()) {
                    times.put(key.get(), in.table().timestamps());
                    rows.put(key.get(), DetectCommand.run(in, settings).alarmRows());
                }
            }
            if (!times.isEmpty()) {
                Evaluation ev = Evaluation.of(w, Evaluation.series(times, rows), ScoringRules.capped());
                ObjectNode figures = ev.toJson();
                figures.put("labels", labels.toString());
                figures.put("protocol", "batch: each file fitted on its first P rows, the rest scored causally (as detect)");
                ModelCard.recordEvaluation(cardFile, "training_files", figures);
                Summary s = ev.summary();
                pw.printf(Locale.ROOT, "this configuration on the training files (detect's protocol): event F1 (FP cap 12) %.3f, "
                        + "%d/%d windows, %d FP events%n", s.event().f1(), s.detected(), s.windows(), s.fpEvents());
            }
        }
        pw.printf(Locale.ROOT, "wrote %s (%d bytes, SHA-256 %s) and %s%n", out, Files.size(out), sha, cardFile);
        pw.flush();
        return AgentMain.OK;
    }
}
