package io.smartcloudops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleOptionsTest {

    @Test
    void parsesEveryOption() {
        ConsoleOptions o = ConsoleOptions.parse(List.of("--source", "replay:x.csv?speed=10", "--bind", "127.0.0.1:0",
                "--settings-dir", "/tmp/s", "--report-startup", "--report-pulses", "/tmp/p.csv",
                "--report-controls", "/tmp/c.tsv"));
        assertThat(o.source()).contains("replay:x.csv?speed=10");
        assertThat(o.bind()).contains("127.0.0.1:0");
        assertThat(o.settingsDir()).contains(Path.of("/tmp/s"));
        assertThat(o.reportStartup()).isTrue();
        assertThat(o.exitAfterFirstFrame()).isFalse();
        assertThat(o.pulseReport()).contains(Path.of("/tmp/p.csv"));
        assertThat(o.controlsReport()).contains(Path.of("/tmp/c.tsv"));
    }

    @Test
    void namesTheBadOption() {
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--sauce", "x"))).hasMessageStartingWith("unknown option '--sauce'");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--source"))).hasMessageStartingWith("--source needs a value");
    }
}
