package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar leaves out what the agent never loads (agent/pom.xml: openai-java's models of the other
 * OpenAI APIs, Smile's ONNX and LAPACK/BLAS bindings). What still needs the remaining Smile parts works from
 * the jar alone: fitting forests and scoring ({@code detect}), and the evaluation report drawn with
 * smile-plot ({@code evaluate --report}). ChatPackagedJarIT covers the OpenAI client.
 */
class SlimJarIT {

    @TempDir
    Path dir;

    @Test
    void theJarIsSmallAndStillTrainsDetectsAndDraws() throws Exception {
        Path jar = Path.of("target/smartcloudops-agent.jar");
        assertThat(Files.size(jar)).as("issue 17: at most 60 MB").isLessThanOrEqualTo(60L * 1024 * 1024);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("com/openai/models/chat/completions/ChatCompletion.class")).isNotNull();
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/openai/models/beta/")
                    || n.startsWith("smile/onnx/") || n.startsWith("smile/linalg/lapack/")).findAny()).isEmpty();
        }
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path data = repo.resolve("ml_models/datasets/faults/run-1");
        Path labels = repo.resolve("ml_models/datasets/faults/labels.json");

        Path alarms = dir.resolve("alarms.csv");
        run(jar, "detect", "--input", data.resolve("fault-host.csv").toString(), "--output", alarms.toString());
        assertThat(Files.readAllLines(alarms).getFirst()).startsWith("file,timestamp,score,severity");
        assertThat(Files.readAllLines(alarms)).as("the faults of run 1 raise alarms").hasSizeGreaterThan(1);

        Path report = dir.resolve("report.png");
        String out = run(jar, "evaluate", "--data", data.toString(), "--labels", labels.toString(), "--report", report.toString());
        assertThat(out).containsIgnoringCase("F1");
        assertThat(report).isNotEmptyFile();
        assertThat(Files.readAllBytes(report)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    private String run(Path jar, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(args[0] + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        return out;
    }
}
