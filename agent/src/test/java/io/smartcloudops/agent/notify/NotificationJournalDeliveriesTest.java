package io.smartcloudops.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.oncall.FindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal keeps each delivery beside the subjects' state: the deliveries read back as written (the chat lists
 * them), and reading the state after a restart passes over them (nothing unreadable, no subject lost or invented).
 */
class NotificationJournalDeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void deliveriesReadBackAndTheStatePassesOverThem() throws Exception {
        Subject subject = new Subject(FindingKind.ALERT, "al-1", "web-1", "HighCPU on web-1", "critical", "CPU above 90%",
                "alertmanager", T0, null, Map.of("instance", "web-1:9100"), null, null);
        Delivery ok = new Delivery(T0.plusSeconds(1), "oncall", "slack", Notice.Kind.OPENED, FindingKind.ALERT, "al-1", "web-1",
                "[FIRING] HighCPU on web-1", "critical", true, null);
        Delivery failed = new Delivery(T0.plusSeconds(2), "pd", "pagerduty", Notice.Kind.OPENED, FindingKind.ALERT, "al-1",
                "web-1", "[FIRING] HighCPU on web-1", "critical", false, "opened al-1: HTTP 400: invalid event");
        try (NotificationJournal journal = new NotificationJournal(dir, 0)) {
            journal.append(new NotificationJournal.Line(T0, NotificationJournal.Stage.OPEN, subject, null, Set.of("oncall", "pd"),
                    Set.of("oncall", "pd"), Set.of(), T0), java.util.List::of);
            journal.append(ok);
            journal.append(failed);
        }
        try (NotificationJournal reopened = new NotificationJournal(dir, 0)) {
            LocalDate day = LocalDate.of(2026, 5, 4);
            assertThat(reopened.deliveries(day, day)).containsExactly(ok, failed);
            assertThat(reopened.read(day)).containsOnlyKeys(Notifier.key(FindingKind.ALERT, "al-1"));
            assertThat(reopened.read(day).values().iterator().next().told()).containsExactly("oncall", "pd");
            assertThat(reopened.deliveries(day.plusDays(1), day.plusDays(1))).isEmpty();
        }
        assertThat(Files.readAllLines(dir.resolve("notifications-2026-05-04.jsonl"))).hasSize(3)
                .element(2).asString().contains("\"delivery\"").contains("HTTP 400");
    }
}
