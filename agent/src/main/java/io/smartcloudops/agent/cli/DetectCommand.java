package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.detect.BatchDetector;
import io.smartcloudops.agent.detect.DetectorSettings;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code detect}: batch scoring, one alarm row per raised anomaly. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Score CSV series causally and write one row per raised anomaly: file,timestamp,score,severity,row.",
                "Each series raises nothing on its first P = min(floor(0.15 N), 750) rows; every row uses only earlier ones.",
                "One configuration for every file (the model's, or the built-in one); labels are never read."},
        footerHeading = "%nExamples:%n",
        footer = {"  detect --input ml_models/datasets/nab/data --output alarms.csv",
                "  detect --input web-1.csv web-2.csv --output alarms.csv --model ml_models/anomaly_model.ser"})
public final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "CSV", description = "CSV files or directories of them")
    List<Path> input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "alarm CSV to write")
    Path output;

    @CommandLine.Mixin
    ModelOption model;

    @Override
    public Integer call() throws Exception {
        DetectorSettings settings = model.settings();
        List<SeriesInputs.Input> inputs = SeriesInputs.read("--input", input);
        long t0 = System.nanoTime();
        int alarms = 0;
        Path tmp = output.toAbsolutePath().resolveSibling(output.getFileName() + ".tmp");
        Files.createDirectories(tmp.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("file,timestamp,score,severity,row\n");
            // files are independent: run them on every core, write them in input order
            List<BatchDetector.SeriesRun> runs = inputs.parallelStream().map(in -> run(in, settings)).toList();
            for (int f = 0; f < inputs.size(); f++) {
                SeriesInputs.Input in = inputs.get(f);
                for (BatchDetector.Alarm a : runs.get(f).alarms()) {
                    w.write(in.name() + "," + a.timestamp() + "," + String.format(Locale.ROOT, "%.4f", a.score()) + ","
                            + a.severity().key() + "," + a.row() + "\n");
                    alarms++;
                }
            }
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d file(s), %d anomalies raised, written to %s (%.2f s)%n", inputs.size(), alarms, output,
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        return AgentMain.OK;
    }

    static BatchDetector.SeriesRun run(SeriesInputs.Input in, DetectorSettings settings) {
        try {
            return BatchDetector.run(in.table(), settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }


}
