package io.smartcloudops.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal read back at start: whole records are used, every other line is reported, none dropped silently. */
class DailyJsonlReplayTest {

    record Note(String id, String text) {
    }

    @TempDir
    Path dir;

    @Test
    void wholeRecordsAreUsedIncompleteAndForeignLinesAreCountedAndDaysPastRetentionAreNotRead() throws Exception {
        DailyJsonl journal = new DailyJsonl(dir, "notes");
        journal.append(Instant.parse("2026-12-01T10:00:00Z"), JsonLine.write(new Note("old", "past retention")));
        journal.append(Instant.parse("2026-12-06T10:00:00Z"), JsonLine.write(new Note("n-1", "kept")));
        journal.append(Instant.parse("2026-12-06T10:00:01Z"), JsonLine.write(new Note(null, "no id")));
        journal.close();
        Files.writeString(journal.fileFor(LocalDate.parse("2026-12-06")), "{not json\n", java.nio.file.StandardOpenOption.APPEND);

        List<Note> used = new ArrayList<>();
        journal.replay(LocalDate.parse("2026-12-07"), 2, Note.class, "note", n -> n.id() == null ? "id" : null, used::add);

        assertThat(used).containsExactly(new Note("n-1", "kept"));
        assertThat(DamagedLines.of(dir).counts()).containsEntry("notes", 2L);
    }
}
