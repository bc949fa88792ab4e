package io.smartcloudops.agent.cli;

import io.smartcloudops.agent.collect.PrometheusClient;
import io.smartcloudops.agent.collect.SourceException;
import io.smartcloudops.agent.export.PrometheusExport;
import io.smartcloudops.agent.time.TimeText;
import io.smartcloudops.api.time.DurationText;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: Prometheus range data to one host CSV per node_exporter instance. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export host metrics from Prometheus (every node_exporter instance it scrapes) to DIR/<host>.csv,",
                "the host CSV that train, evaluate, detect and replay read."},
        footerHeading = "%nExamples:%n",
        footer = {"  export --prometheus http://127.0.0.1:9090 --range 7d --step 1m --out data/",
                "  export --prometheus http://127.0.0.1:9090 --range 50m --step 5s --end 2026-11-29T12:00:00Z --out run1/"})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL", description = "Prometheus base URL, e.g. http://127.0.0.1:9090")
    String prometheus;

    @Option(names = "--range", required = true, paramLabel = "DURATION", description = "how far back from --end, e.g. 1h, 7d")
    String range;

    @Option(names = "--step", required = true, paramLabel = "DURATION", description = "one row every STEP, e.g. 5s, 1m")
    String step;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the CSVs (created if missing)")
    Path out;

    @Option(names = "--end", paramLabel = "TIME", description = "end of the range (ISO-8601 or yyyy-MM-dd HH:mm:ss UTC); default now")
    String end;

    @Option(names = "--rate-window", paramLabel = "DURATION",
            description = "range of rate() for counters (default: the larger of 1m and --step)")
    String rateWindow;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", description = "per HTTP request (default ${DEFAULT-VALUE})")
    String timeout;

    private final Clock clock;

    public ExportCommand() {
        this(Clock.systemUTC());
    }

    ExportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Duration rangeD = duration("--range", range);
        Duration stepD = duration("--step", step);
        Duration timeoutD = duration("--timeout", timeout);
        if (stepD.toMillis() < 1000) {
            throw new UsageException("--step: must be at least 1s (Prometheus steps are whole milliseconds; rates need seconds)");
        }
        if (rangeD.compareTo(stepD) < 0) {
            throw new UsageException("--range: must be at least one --step");
        }
        Duration window = rateWindow == null ? max(Duration.ofMinutes(1), stepD) : duration("--rate-window", rateWindow);
        Instant endT;
        try {
            endT = end == null ? clock.instant() : TimeText.parse(end, clock);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--end: " + e.getMessage());
        }
        URI uri;
        try {
            uri = URI.create(prometheus);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("expected http(s)://host:port");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("--prometheus: '" + prometheus + "' is not an http(s) URL");
        }
        PrometheusExport export = new PrometheusExport(new PrometheusClient(uri, timeoutD), window);
        List<PrometheusExport.Result> results;
        try {
            results = export.export(endT.minus(rangeD), endT, stepD, out);
        } catch (SourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        PrintWriter pw = spec.commandLine().getOut();
        for (PrometheusExport.Result r : results) {
            pw.println("wrote " + r.file() + " (" + r.host() + ", " + r.rows() + " rows)");
        }
        pw.flush();
        return AgentMain.OK;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Duration duration(String option, String text) {
        try {
            Duration d = DurationText.parse(text);
            if (d.isZero() || d.isNegative()) {
                throw new UsageException(option + ": must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }
}
