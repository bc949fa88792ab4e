package io.smartcloudops.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceSpecTest {

    @Test
    void parsesEveryKind() {
        assertThat(SourceSpec.parse("local")).isInstanceOf(SourceSpec.Local.class);
        assertThat(SourceSpec.parse("prometheus:http://127.0.0.1:9090"))
                .isEqualTo(new SourceSpec.Prometheus("prometheus:http://127.0.0.1:9090", URI.create("http://127.0.0.1:9090")));
        SourceSpec.NodeExporter n = (SourceSpec.NodeExporter) SourceSpec.parse("node-exporter:http://a:9100, http://b:9100");
        assertThat(n.urls()).containsExactly(URI.create("http://a:9100"), URI.create("http://b:9100"));
        SourceSpec.Replay r = (SourceSpec.Replay) SourceSpec.parse("replay:data/web-1.csv?speed=60&loop=true&metric=mem");
        assertThat(r.paths()).containsExactly(Path.of("data/web-1.csv"));
        assertThat(r.speed()).isEqualTo(60);
        assertThat(r.loop()).isTrue();
        assertThat(r.metric()).isEqualTo("mem");
    }

    @Test
    void refusesWithAReason() {
        assertThatThrownBy(() -> SourceSpec.parse("")).hasMessageContaining("empty source");
        assertThatThrownBy(() -> SourceSpec.parse("prometheus:")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> SourceSpec.parse("prometheus:ftp://x")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> SourceSpec.parse("node-exporter:")).hasMessageContaining("at least one URL");
        assertThatThrownBy(() -> SourceSpec.parse("replay:")).hasMessageContaining("needs a CSV");
        assertThatThrownBy(() -> SourceSpec.parse("replay:x.csv?speed=0")).hasMessageContaining("speed must be a number > 0");
        assertThatThrownBy(() -> SourceSpec.parse("replay:x.csv?speed=fast")).hasMessageContaining("speed");
        assertThatThrownBy(() -> SourceSpec.parse("replay:x.csv?sped=2")).hasMessageContaining("unknown parameter 'sped'");
        assertThatThrownBy(() -> SourceSpec.parse("replay:x.csv?metric=temp")).hasMessageContaining("unknown metric");
        assertThatThrownBy(() -> SourceSpec.parse("statsd:x")).hasMessageContaining("unknown source");
    }
}
