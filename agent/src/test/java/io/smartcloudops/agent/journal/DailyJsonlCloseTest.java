package io.smartcloudops.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed journal writes nothing: a part of the agent still running after the agent closed (CI once saw a detector
 * state written into a test's deleted directory) gets an error instead of creating the directory and a file again.
 */
class DailyJsonlCloseTest {

    @TempDir
    Path dir;

    @Test
    void anAppendAfterCloseFailsAndCreatesNothing() throws Exception {
        Path logs = dir.resolve("logs");
        DailyJsonl journal = new DailyJsonl(logs, "notes");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        journal.append(at, "{\"n\":1}");
        journal.close();
        Files.delete(journal.fileFor(java.time.LocalDate.parse("2026-03-01")));
        Files.delete(logs);  // what a test's @TempDir clean-up does once the agent closed

        assertThatThrownBy(() -> journal.append(at, "{\"n\":2}")).isInstanceOf(IOException.class)
                .hasMessageContaining("notes-2026-03-01.jsonl is closed");
        assertThat(logs).doesNotExist();
    }
}
