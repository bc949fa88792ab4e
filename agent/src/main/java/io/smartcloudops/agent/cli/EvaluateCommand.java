package io.smartcloudops.agent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smartcloudops.agent.detect.BatchDetector;
import io.smartcloudops.agent.detect.DetectorSettings;
import io.smartcloudops.agent.detect.ModelCard;
import io.smartcloudops.agent.detect.ModelFile;
import io.smartcloudops.agent.evaluate.AlarmFile;
import io.smartcloudops.agent.evaluate.BenchmarkSuite;
import io.smartcloudops.agent.evaluate.Evaluation;
import io.smartcloudops.agent.evaluate.LabelWindows;
import io.smartcloudops.agent.evaluate.ReportChart;
import io.smartcloudops.agent.evaluate.ScoringRules;
import io.smartcloudops.agent.evaluate.SuiteReport;
import io.smartcloudops.agent.evaluate.Summary;
import io.smartcloudops.api.Json;
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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate}: event-level precision/recall/F1 of the detector (or of an alarm file) against labels. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Run the detector on labelled CSVs (the protocol of detect) and score its alarms: event precision,",
                "recall and F1 with the FP-event cap (headline) and without, point-wise and point-adjusted F1, detection",
                "delay; per file and overall (micro). Definition: ml_models/datasets/nab/SCORING.md."},
        footerHeading = "%nExamples:%n",
        footer = {"  evaluate --data ml_models/datasets/nab/data --labels ml_models/datasets/nab/labels.json --report nab.png",
                "  evaluate --data ... --labels ... --alarms other-detector.csv      # score someone else's alarms",
                "  evaluate --suite ml_models/datasets                               # NAB development + wide sets and fault runs"})
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", arity = "1..*", paramLabel = "CSV", description = "CSV files or directories of them (with --labels)")
    List<Path> data;

    @Option(names = "--labels", paramLabel = "FILE", description = "windows in NAB's combined_windows format (with --data)")
    Path labels;

    @Option(names = "--suite", paramLabel = "DIR", description = {"score every data set under DIR (nab, nab-wide, faults: e.g. ml_models/datasets)",
            "in one run and print event F1 (FP cap 12) per category, the totals and the worst category"})
    Path suite;

    @CommandLine.Mixin
    ModelOption model;

    @Option(names = "--report", paramLabel = "FILE.png", description = "draw series, windows, alarms and score distributions")
    Path report;

    @Option(names = "--alarms", paramLabel = "CSV", description = "score this alarm file (file,timestamp[,row]) instead of running the detector")
    Path alarms;

    @Option(names = "--max-fp-event-len", paramLabel = "ROWS", defaultValue = "12", description = "FP-event cap of the headline figure (default 12; 0 = none)")
    int cap;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Option(names = "--record", paramLabel = "NAME", description = "store the figures under evaluations.NAME in the model's model.json (needs --model)")
    String record;

    @Override
    public Integer call() throws Exception {
        if (cap < 0) {
            throw new UsageException("--max-fp-event-len: must be 0 or more");
        }
        if (record != null && !model.given()) {
            throw new UsageException("--record: needs --model (the figures go into that model's model.json)");
        }
        if (alarms != null && model.given()) {
            throw new UsageException("--alarms: scores an existing alarm file; --model does not apply");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (suite != null) {
            if (data != null || labels != null || alarms != null || report != null) {
                throw new UsageException("--suite: scores the whole suite; --data, --labels, --alarms and --report do not apply");
            }
            return runSuite(out);
        }
        if (data == null || labels == null) {
            throw new UsageException("--data and --labels: both are needed (or --suite DIR for every data set at once)");
        }
        LabelWindows windows;
        try {
            windows = LabelWindows.read(labels);
        } catch (IOException e) {
            throw new UsageException("--labels: " + e.getMessage());
        }
        Map<String, SeriesInputs.Input> byKey = new LinkedHashMap<>();
        for (SeriesInputs.Input in : SeriesInputs.read("--data", data)) {
            String key = windows.keyFor(in.name()).orElse(null);
            if (key == null) {
                err.println("warning: no labels for " + in.name() + ": not scored");
            } else if (byKey.putIfAbsent(key, in) != null) {
                throw new UsageException("--data: two files for the label key " + key + ": " + byKey.get(key).name() + " and " + in.name());
            }
        }
        if (byKey.isEmpty()) {
            throw new UsageException("--data: none of the files has labels in " + labels + " (keys are matched by path suffix or file name)");
        }
        for (String k : windows.byKey().keySet()) {
            if (!byKey.containsKey(k)) {
                err.println("warning: labels for " + k + " but no --data file: not scored");
            }
        }
        err.flush();
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        byKey.forEach((k, in) -> times.put(k, in.table().timestamps()));
        ScoringRules rules = new ScoringRules(5, 0.15, cap);

        if (alarms != null) {
            AlarmFile file;
            try {
                file = AlarmFile.read(alarms);
            } catch (IOException e) {
                throw new UsageException("--alarms: " + e.getMessage());
            }
            Map<String, int[]> rows = file.rows(windows, times, m -> err.println("warning: " + m));
            err.flush();
            Evaluation ev = Evaluation.of(windows, Evaluation.series(times, rows), rules);
            ev.print(out);
            finish(ev, null, byKey, rows, Map.of());
            return AgentMain.OK;
        }

        DetectorSettings settings = model.settings();
        long t0 = System.nanoTime();
        List<String> keys = List.copyOf(byKey.keySet());
        List<BatchDetector.SeriesRun> done = keys.parallelStream().map(key -> DetectCommand.run(byKey.get(key), settings)).toList();
        Map<String, int[]> rows = new LinkedHashMap<>();
        Map<String, BatchDetector.SeriesRun> runs = new LinkedHashMap<>();
        for (int f = 0; f < keys.size(); f++) {
            rows.put(keys.get(f), done.get(f).alarmRows());
            runs.put(keys.get(f), done.get(f));
        }
        Evaluation ev = Evaluation.of(windows, Evaluation.series(times, rows), rules);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ev.print(out);
        out.printf(Locale.ROOT, "%d file(s) scored in %.2f s%n", keys.size(), seconds);
        out.flush();
        finish(ev, settings, byKey, rows, runs);
        return AgentMain.OK;
    }

    private int runSuite(PrintWriter out) throws IOException {
        BenchmarkSuite all;
        try {
            all = BenchmarkSuite.read(suite);
        } catch (IOException e) {
            throw new UsageException("--suite: " + e.getMessage());
        }
        DetectorSettings s = model.settings();
        long t0 = System.nanoTime();
        List<int[]> alarmRows = all.series().parallelStream().map(x -> BatchDetector.run(x.table(), s).alarmRows()).toList();
        SuiteReport r = SuiteReport.of(all, alarmRows, new ScoringRules(5, 0.15, cap));
        r.print(out);
        out.printf(Locale.ROOT, "%d series, %d rows, %.2f s; settings %s%n", all.series().size(),
                all.series().stream().mapToInt(x -> x.table().rows()).sum(), (System.nanoTime() - t0) / 1e9, s);
        out.flush();
        ObjectNode figures = r.toJson();
        figures.put("settings", s.toString());
        figures.put("suite", suite.toString());
        figures.put("evaluated_at", Instant.now().toString());
        if (json != null) {
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        }
        if (record != null) {
            ModelCard.recordEvaluation(ModelFile.cardFor(model.model), record, figures);
            out.println("recorded as evaluations." + record + " in " + ModelFile.cardFor(model.model));
            out.flush();
        }
        return AgentMain.OK;
    }

    private void finish(Evaluation ev, DetectorSettings settings, Map<String, SeriesInputs.Input> byKey,
                        Map<String, int[]> rows, Map<String, BatchDetector.SeriesRun> detectorRuns) throws IOException {
        ObjectNode figures = ev.toJson();
        if (settings != null) {
            figures.put("settings", settings.toString());
        } else {
            figures.put("alarms_file", alarms.toString());
        }
        figures.put("labels", labels.toString());
        figures.put("evaluated_at", Instant.now().toString());
        if (json != null) {
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        }
        if (record != null) {
            ModelCard.recordEvaluation(ModelFile.cardFor(model.model), record, figures);
            spec.commandLine().getOut().println("recorded as evaluations." + record + " in " + ModelFile.cardFor(model.model));
        }
        if (report != null) {
            List<ReportChart.Panel> panels = new ArrayList<>();
            LabelWindows windows = LabelWindows.read(labels);
            for (var e : byKey.entrySet()) {
                var table = e.getValue().table();
                List<int[]> wins = windows.rowRanges(e.getKey(), table.timestamps());
                double[][] cols = table.columns().values().toArray(double[][]::new);
                String[] names = table.columns().keySet().stream().map(m -> table.singleMetric() ? "value" : m.key()).toArray(String[]::new);
                BatchDetector.SeriesRun run = detectorRuns.get(e.getKey());
                double[] scores = run == null ? new double[table.rows()] : run.scores();
                int learning = ScoringRules.nabProbationRows(table.rows());
                var fs = ev.capped().stream().filter(s -> s.key().equals(e.getKey())).findFirst().orElseThrow();
                String title = String.format(Locale.ROOT, "%s: %d/%d windows, %d FP events, %d alarms", e.getKey(), fs.detected(),
                        fs.windows(), fs.fpEvents(), fs.alarms());
                panels.add(new ReportChart.Panel(title, cols, names, wins, rows.getOrDefault(e.getKey(), new int[0]), learning, scores));
            }
            Summary s = ev.summary();
            ReportChart.write(report, panels, String.format(Locale.ROOT,
                    "event F1 (FP cap %d) %.3f: %d/%d windows, %d FP events; red bars = labelled windows, red marks = alarms, dashed = end of the learning rows",
                    ev.rules().maxFpEventRows(), s.event().f1(), s.detected(), s.windows(), s.fpEvents()));
            spec.commandLine().getOut().println("report: " + report);
        }
        spec.commandLine().getOut().flush();
    }
}
