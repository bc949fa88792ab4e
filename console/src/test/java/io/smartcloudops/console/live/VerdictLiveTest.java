package io.smartcloudops.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Verdict;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.console.ConsoleSession;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.dashboard.ChartData;
import io.smartcloudops.console.dashboard.ChartSpec;
import io.smartcloudops.console.dashboard.TimeRange;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LiveStage;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real console on a real agent replaying the scenario's CPU spike on web-1: "Not an anomaly" asks first
 * and sends nothing until confirmed; confirming puts the verdict on the anomaly in the list and in the agent's
 * audit log with the operator's note; "Confirm" replaces it and "Take back" removes it. The anomaly's chart and
 * the dashboard draw the band the detector expects behind web-1's charts.
 */
@ExtendWith(ApplicationExtension.class)
class VerdictLiveTest {

    private ScenarioAgent agent;
    private ConsoleSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("sco-verdict-test");
        agent = new ScenarioAgent(tmp, 150).start();
        session = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false), Optional.empty(),
                ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(1)),
                new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), s -> { });
        LiveStage.show(stage, session);
    }

    @AfterEach
    void close() {
        FxWait.onFx(() -> {
            session.close();  // on the JavaFX thread: it stops the views' animations
            return null;
        });
        agent.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void notAnAnomalyAsksFirstThenMarksTheAnomalyEverywhereAndCanBeTakenBackAndTheBandIsDrawn(FxRobot robot) {
        FxWait.until("the agent's routes", 15, () -> session.connection().offeredPathsProperty().get().contains("/anomalies/{id}/feedback"));
        FxWait.onFx(() -> {
            session.root().show(Screen.ANOMALIES);
            return null;
        });
        FxWait.until("an anomaly on web-1 in the table", 90, () -> robot.lookup("#anomaly-table").tryQuery().isPresent()
                && table(robot).getItems().stream().anyMatch(a -> a.host().equals("web-1")));
        Anomaly a = FxWait.onFx(() -> {
            Anomaly x = table(robot).getItems().stream().filter(y -> y.host().equals("web-1")).findFirst().orElseThrow();
            table(robot).getSelectionModel().select(x);
            return x;
        });
        FxWait.until("the buttons are enabled", 10, () -> !robot.lookup("#anomaly-false-alarm").queryAs(Button.class).isDisabled());
        FxWait.until("the band behind the anomaly's chart", 10, () -> session.anomaliesVm().detailChartProperty().get() != null
                && session.anomaliesVm().detailChartProperty().get().lines().getFirst().band() != null);
        assertThat(robot.lookup("#anomaly-undo-verdict").queryAs(Button.class).isDisabled()).as("nothing to take back").isTrue();

        // the click asks and sends nothing; Cancel sends nothing either
        openDialog(robot, "#anomaly-false-alarm");
        assertThat(robot.lookup("#verdict-explanation").queryAs(Label.class).getText())
                .contains("normal for this host").contains("on web-1").contains("audit log");
        assertThat(verdictRecords()).isEmpty();
        assertThat(agentsCopy(a).feedback()).isNull();
        Clicks.on(robot, "#verdict-cancel");
        FxWait.until("the dialog closes", 10, () -> robot.lookup("#verdict-overlay").tryQuery().isEmpty());
        assertThat(verdictRecords()).isEmpty();

        openDialog(robot, "#anomaly-false-alarm");
        Clicks.on(robot, "#verdict-note").write("nightly batch job");
        Clicks.on(robot, "#verdict-confirm");
        FxWait.until("the verdict in the list", 15, () -> verdictInTable(robot, a) == Verdict.FALSE_ALARM);
        assertThat(robot.lookup("#anomaly-verdict").queryAs(Label.class).getText())
                .contains("not an anomaly").contains("nightly batch job");
        assertThat(agentsCopy(a).feedback().verdict()).isEqualTo(Verdict.FALSE_ALARM);
        List<AuditRecord> audit = verdictRecords();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().requestId()).isEqualTo(a.id());
        assertThat(audit.getFirst().result()).isEqualTo(AuditResult.FALSE_ALARM);
        assertThat(audit.getFirst().reason()).isEqualTo("nightly batch job");
        assertThat(audit.getFirst().actor()).isEqualTo("operator");

        openDialog(robot, "#anomaly-confirm");
        Clicks.on(robot, "#verdict-confirm");
        FxWait.until("confirmed in the list", 15, () -> verdictInTable(robot, a) == Verdict.CONFIRMED);

        FxWait.until("take back is enabled", 10, () -> !robot.lookup("#anomaly-undo-verdict").queryAs(Button.class).isDisabled());
        openDialog(robot, "#anomaly-undo-verdict");
        Clicks.on(robot, "#verdict-confirm");
        FxWait.until("no verdict in the list", 15, () -> verdictInTable(robot, a) == null
                && robot.lookup("#anomaly-verdict").queryAs(Label.class).getText().isEmpty());
        assertThat(agentsCopy(a).feedback()).isNull();
        assertThat(verdictRecords()).extracting(AuditRecord::event)
                .containsExactly(AuditEvent.FEEDBACK, AuditEvent.FEEDBACK, AuditEvent.FEEDBACK_UNDONE);

        theDashboardDrawsTheExpectedBandBehindTheCharts();
    }

    /** web-1 is scored by now (it had an anomaly): its dashboard charts get the band. */
    private void theDashboardDrawsTheExpectedBandBehindTheCharts() {
        FxWait.until("web-1 is scored with a band", 30, () -> !agent.agent().detector().orElseThrow().bands("web-1").isEmpty());
        FxWait.onFx(() -> {
            session.dashboardVm().selectedHostProperty().set("web-1");
            // a range change fetches the series and the band again, as opening the view does
            session.dashboardVm().rangeProperty().set(TimeRange.H1);
            return null;
        });
        FxWait.until("the band on web-1's CPU chart", 20, () ->
                session.dashboardVm().chartData(ChartSpec.DEFAULT.getFirst(), 200).lines().getFirst().band() != null);
        ChartData.Band band = FxWait.onFx(() -> session.dashboardVm().chartData(ChartSpec.DEFAULT.getFirst(), 200)
                .lines().getFirst().band());
        // what the console draws is what the agent served at /series/band (the detector's band moves as it learns)
        List<io.smartcloudops.api.series.BandSegment> served;
        try (var client = io.smartcloudops.api.client.AgentClient.create(agent.url(), ScenarioAgent.VIEWER_TOKEN)) {
            served = client.band("web-1", "cpu", "1h").segments();
        }
        assertThat(band.count()).isPositive();
        double lower = band.lower()[band.count() - 1];
        double upper = band.upper()[band.count() - 1];
        assertThat(lower).isLessThan(upper);
        assertThat(served).anySatisfy(seg -> {
            assertThat(seg.lower()).isEqualTo(lower);
            assertThat(seg.upper()).isEqualTo(upper);
        });
        assertThat(band.to()[band.count() - 1]).isGreaterThanOrEqualTo(band.from()[band.count() - 1]);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Anomaly> table(FxRobot robot) {
        return robot.lookup("#anomaly-table").queryAs(TableView.class);
    }

    /** On the FX thread (inside a wait's condition). */
    private static Verdict verdictInTable(FxRobot robot, Anomaly a) {
        return table(robot).getItems().stream().filter(x -> x.id().equals(a.id())).findFirst()
                .map(x -> x.feedback() == null ? null : x.feedback().verdict()).orElse(null);
    }

    private Anomaly agentsCopy(Anomaly a) {
        return agent.agent().detector().orElseThrow().store().find(a.id()).orElseThrow();
    }

    private List<AuditRecord> verdictRecords() {
        return agent.agent().auditLog().read(LocalDate.MIN, LocalDate.MAX).stream()
                .filter(r -> r.event() == AuditEvent.FEEDBACK || r.event() == AuditEvent.FEEDBACK_UNDONE).toList();
    }

    /** Clicks {@code button} and waits for its confirm dialog; a failure says where the button was and whether it was enabled. */
    private static void openDialog(FxRobot robot, String button) {
        Clicks.on(robot, button);
        try {
            FxWait.until("the confirm dialog after clicking " + button, 10,
                    () -> robot.lookup("#verdict-overlay").tryQuery().isPresent());
        } catch (AssertionError e) {
            String where = FxWait.onFx(() -> {
                Button b = robot.lookup(button).queryAs(Button.class);
                return (b.isDisabled() ? "disabled" : "enabled") + " at " + b.localToScreen(b.getBoundsInLocal());
            });
            throw new AssertionError(e.getMessage() + " (the button is " + where + ")", e);
        }
    }
}
