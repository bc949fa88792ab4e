package io.smartcloudops.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.store.HostCapacity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Java the launcher (packaging/bin/smartcloudops-agent) starts the agent with, and with which AOT cache
 * options: never a Java older than 25 (the jar's classes need it; a machine's default {@code java} is often 17),
 * a clear message naming what to install when there is none. The runtimes here are directories with a
 * {@code release} file, as every JDK and jlink image has, whose {@code bin/java} prints which runtime ran and
 * its arguments, so no JVM starts. (LauncherRuntimeIT starts a real one.)
 */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void anOldJavaHomeIsSkippedForTheJavaOnThePathWhenThatOneIsRecentEnough() throws Exception {
        Path old = runtime("jdk-17", "17.0.15");
        Path recent = runtime("jdk-25", "25.0.3");
        Run run = launch(old, recent.resolve("bin"), "");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("ran jdk-25 ").contains("-jar " + jar() + " serve --bind 127.0.0.1:0");
        assertThat(run.err()).contains("JAVA_HOME=" + old + " is Java 17; looking for Java 25 or newer");
    }

    @Test
    void theInstalledJdksAreSearchedWhenNeitherJavaHomeNorThePathHaveJava25() throws Exception {
        Path old = runtime("jdk-17", "17.0.15");
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        runtime("jvm/temurin-21", "21.0.4");
        runtime("jvm/temurin-26", "26");
        Run run = launch(old, old.resolve("bin"), jvms.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("ran temurin-26 ");
    }

    @Test
    void withoutJava25TheLauncherFailsNamingWhatItFoundAndWhatToInstall() throws Exception {
        Path old = runtime("jdk-17", "17.0.15");
        Run run = launch(old, old.resolve("bin"), "");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("needs a Java runtime of version 25 or newer and found " + old + " (Java 17).")
                .contains("Install one (a JDK or JRE 25").contains("set JAVA_HOME");
    }

    @Test
    void aRunWithNativeMemoryTrackingRecordsNoAotCacheButUsesOneRecordedWithout() throws Exception {
        Path recent = runtime("jdk-25", "25.0.3");
        Path cache = dir.resolve("cache");
        Run plain = launch(recent, recent.resolve("bin"), "", cache, "");
        assertThat(plain.out()).contains("-XX:AOTCacheOutput=" + cache.resolve("agent-"));
        String recorded = plain.out().replaceAll("(?s).*-XX:AOTCacheOutput=(\\S+).*", "$1").trim();

        // JDK 25.0.3 crashes when a JVM recording a cache reports its native memory (the agent's JVM metrics do)
        Run tracked = launch(recent, recent.resolve("bin"), "", cache, "-XX:NativeMemoryTracking=summary");
        assertThat(tracked.code()).isZero();
        assertThat(tracked.out()).contains("-XX:NativeMemoryTracking=summary").doesNotContain("AOTCache");

        Files.writeString(Path.of(recorded), "a cache the first run wrote");
        Run withCache = launch(recent, recent.resolve("bin"), "", cache, "-XX:NativeMemoryTracking=summary");
        assertThat(withCache.out()).contains("-XX:AOTCache=" + recorded).doesNotContain("AOTCacheOutput");
    }

    @Test
    void theAgentsDefaultHostLimitHoldsTheFleetTheLauncherSizedItsHeapFor() throws Exception {
        // packaging/agent-jvm-options sizes the heap for the hosts it expects; the agent's default store.max_hosts
        // (HostCapacity) reads the same rule backwards from the heap it got: never fewer hosts than sized for (a
        // refused host of the expected fleet), never so many more that the two rules disagree. Serial reports
        // about 3 % less than -Xmx as the heap's maximum (one survivor space is not counted).
        record Fleet(int hosts, Duration retention, Duration interval) {
        }
        for (Fleet f : List.of(new Fleet(1, Duration.ofHours(24), Duration.ofSeconds(5)),
                new Fleet(20, Duration.ofHours(24), Duration.ofSeconds(1)),
                new Fleet(50, Duration.ofHours(24), Duration.ofSeconds(5)),
                new Fleet(1_000, Duration.ofHours(24), Duration.ofSeconds(5)),
                new Fleet(10_000, Duration.ofHours(6), Duration.ofSeconds(5)))) {
            ProcessBuilder pb = new ProcessBuilder(Path.of("..", "packaging", "agent-jvm-options").toAbsolutePath()
                    .normalize().toString(), "", "--source", "prometheus:http://127.0.0.1:9090");
            pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_"));
            pb.environment().put("SMARTCLOUDOPS_HOSTS", Integer.toString(f.hosts()));
            pb.environment().put("SMARTCLOUDOPS_STORE_RETENTION", f.retention().toSeconds() + "s");
            pb.environment().put("SMARTCLOUDOPS_SOURCE_INTERVAL", f.interval().toSeconds() + "s");
            Process p = pb.redirectErrorStream(true).start();
            String options = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(options);
            assertThat(xmx.find()).as(options).isTrue();
            long heap = Long.parseLong(xmx.group(1)) * 1024 * 1024 * 97 / 100;
            // at most what the rule's own heap holds: 1.5 x (40 MB + hosts x per host), rounded up by up to 8 MB
            long ruleHeap = (long) (1.5 * (40L * 1024 * 1024 + f.hosts() * HostCapacity.bytesPerHost(f.retention(), f.interval())))
                    + 8L * 1024 * 1024;
            assertThat(HostCapacity.hostsFor(heap, f.retention(), f.interval())).as(f + ": " + options)
                    .isGreaterThanOrEqualTo(f.hosts())
                    .isLessThanOrEqualTo(Math.max(HostCapacity.hostsFor(ruleHeap, f.retention(), f.interval()),
                            HostCapacity.hostsFor(64L * 1024 * 1024 * 97 / 100, f.retention(), f.interval())));  // the 64 MB floor holds more than one host
        }
    }

    private record Run(int code, String out, String err) {
    }

    /** A runtime directory as a JDK lays it out: a release file and a bin/java that says which one ran. */
    private Path runtime(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nIMPLEMENTOR=\"test\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"ran " + home.getFileName() + " $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Path jar() {
        return dir.resolve("agent.jar");
    }

    private Run launch(Path javaHome, Path javaOnPath, String jvmDirs) throws Exception {
        return launch(javaHome, javaOnPath, jvmDirs, null, "");
    }

    private Run launch(Path javaHome, Path javaOnPath, String jvmDirs, Path cacheDir, String javaOpts) throws Exception {
        if (!Files.exists(jar())) {
            Files.writeString(jar(), "");
        }
        Path launcher = Path.of("..", "packaging", "bin", "smartcloudops-agent").toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--bind", "127.0.0.1:0").directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCLOUDOPS_") || k.startsWith("JAVA_"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("PATH", javaOnPath + ":/usr/bin:/bin");
        pb.environment().put("SMARTCLOUDOPS_JVM_DIRS", jvmDirs);
        pb.environment().put("SMARTCLOUDOPS_JAR", jar().toString());
        pb.environment().put("SMARTCLOUDOPS_CACHE_DIR", cacheDir == null ? "" : cacheDir.toString());
        pb.environment().put("SMARTCLOUDOPS_JAVA_OPTS", javaOpts);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
