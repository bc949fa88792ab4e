package io.smartcloudops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.status.HostStatus;
import io.smartcloudops.console.chat.ChatMessage;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.LaunchedAgent;
import io.smartcloudops.console.testing.Png;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The walkthrough (docs/walkthrough.md): regenerates docs/screenshots and drives the demo recording.
 * Run by bench/console/screenshots.sh and bench/console/demo.sh, skipped otherwise.
 *
 * <p>A real agent, started as users start it ({@link LaunchedAgent}: packaging/bin/smartcloudops-agent, so the
 * dashboard shows the footprint users see), replays the incident of bench/console/incident (web-1, web-2, db-1, one row every 5 s;
 * web-1's CPU saturates at row 180) with remediation enabled against a loopback server that speaks Auto
 * Scaling's wire protocol. The console connects to it with an operator token, and the tour clicks
 * through it with the mouse as a person would: the live dashboard, the anomaly the detector raises,
 * the chat's three questions, a one-click scale-up with its confirm dialog, the audit records in Logs,
 * then the remaining screens.
 *
 * <p>System properties: {@code screenshots.dir} (where the PNGs go; required), {@code screenshots.speed}
 * (replay speed, default 5: a 5 s row every second), {@code tour.recording} (a directory for the
 * handshake with demo.sh: the tour writes {@code start} shortly before the incident and waits for
 * {@code recording}, and writes {@code stop} after the audit records are on screen).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourTest {

    private static final Path INCIDENT = Path.of("../bench/console/incident");
    private static final int SPIKE_ROW = 180;
    private static final String RULES = """
            rules:
              - name: critical-anomaly-notify
                when: severity >= critical
                action: notify
                params:
                  subject: Critical anomaly
                  message: The agent detected a critical anomaly; see the console's anomaly list.
                cooldown: 30m
                dry_run: true
            """;

    /** The two window sizes the walkthrough shows: the wide one of the tour, and the narrowest supported. */
    static final int WIDE_W = 1440;
    static final int WIDE_H = 900;
    static final int NARROW_W = 1024;
    static final int NARROW_H = 700;

    private Scene scene;
    private Stage stage;
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        scene = new Scene(new StackPane(), WIDE_W, WIDE_H);
        stage.setScene(scene);
        stage.setTitle("Smart Cloud Ops AI");
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        double speed = Double.parseDouble(System.getProperty("screenshots.speed", "5"));
        Optional<Path> recording = Optional.ofNullable(System.getProperty("tour.recording")).map(Path::of);
        Path rules = Files.writeString(tmp.resolve("rules.yaml"), RULES);
        try (FakeAws aws = new FakeAws(); LaunchedAgent agent = new LaunchedAgent(tmp, INCIDENT, speed).withYaml("""
                remediation:
                  enabled: true
                  executor: aws
                  allowed_units: [nginx, php-fpm]
                  cooldown: 10m
                  verification_delay: 5s
                  targets:
                    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web, tags: {role: web}}
                    web-2: {instance_id: i-0b2c3d4e5f6071829, auto_scaling_group: asg-web, tags: {role: web}}
                    db-1: {instance_id: i-0fedcba9876543210}
                aws:
                  region: eu-west-1
                  ssm_document: SmartCloudOps-RestartService
                  sns_topic_arn: arn:aws:sns:eu-west-1:123456789012:smartcloudops-alerts
                  endpoints: {autoscaling: "%s", ssm: "%s", sns: "%s"}
                  max_attempts: 1
                rules:
                  path: %s
                detect:
                  model: %s
                """.formatted(aws.endpoint(), aws.endpoint(), aws.endpoint(), rules,
                Path.of("../ml_models/anomaly_model.ser").toAbsolutePath().normalize())).start()) {
            // web-1's group: 2 of at most 4 instances; after the scale-up, 3 in service
            aws.then("DescribeAutoScalingGroups", Reply.xml(FakeAws.group("asg-web", 2, 4, 2)))
                    .on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-web", 3, 4, 3))));
            aws.on("SetDesiredCapacity", FakeAws.always(Reply.xml(
                    FakeAws.queryResponse("SetDesiredCapacity", FakeAws.AUTOSCALING_NS, null))));
            ConsoleSession session = FxWait.onFx(() -> {
                ConsoleSession s = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, false),
                        Optional.empty(), ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(2))
                                .withConnection(ConsoleSettings.Mode.REMOTE, agent.url()),
                        new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
                s.install(scene);
                s.start();
                return s;
            });
            FxWait.until("web-1 on the dashboard", 30, () -> session.dashboardVm().hosts().stream()
                    .anyMatch(h -> h.host().equals("web-1")));
            fx(() -> session.dashboardVm().selectedHostProperty().set("web-1"));

            // The detector learns each host for 120 samples, then scores; the incident starts at row 180.
            double secondsPerRow = 5 / speed;
            FxWait.until("web-1 a few rows before the incident", (long) (SPIKE_ROW * secondsPerRow) + 60,
                    () -> samples(session, "web-1") >= SPIKE_ROW - (int) Math.ceil(12 / secondsPerRow));
            if (recording.isPresent()) {
                startRecording(recording.get());
            }
            FxWait.until("the anomaly on web-1", 120, () -> session.anomaliesVm().visible().stream()
                    .anyMatch(a -> a.host().equals("web-1")));
            pause(1500);
            shot(out, "anomaly-notice");
            pause(4500);

            Clicks.on(robot, "#nav-remediation");
            FxWait.until("Scale up enabled for web-1", 15, () -> robot.lookup("#scale-up-web-1").tryQuery()
                    .map(b -> !b.isDisabled()).orElse(false));
            pause(1500);
            shot(out, "remediation");

            Clicks.on(robot, "#nav-anomalies");
            pause(1500);
            Anomaly anomaly = FxWait.onFx(() -> session.anomaliesVm().visible().stream()
                    .filter(a -> a.host().equals("web-1")).findFirst().orElseThrow());
            Clicks.on(robot, row(robot, anomaly));
            try {
                FxWait.until("the anomaly's detail", 20, () -> robot.lookup("#anomaly-detail-title").queryAs(Labeled.class)
                        .getText().contains("on web-1"));
            } catch (AssertionError missed) {
                // the row moved under the pointer (the list refreshed as it was clicked): select it as a keyboard would
                fx(() -> session.anomaliesVm().selectedProperty().set(anomaly));
                FxWait.until("the anomaly's detail", 10, () -> robot.lookup("#anomaly-detail-title").queryAs(Labeled.class)
                        .getText().contains("on web-1"));
            }
            pause(2500);
            shot(out, "anomalies");

            ask(robot, session, "What's current CPU?");
            ask(robot, session, "Summarize last 3 anomalies");
            shot(out, "chat-questions");
            typeAndAsk(robot, session, "which host is busiest?");
            typeAndAsk(robot, session, "what happened to web-1 in the last hour?");
            shot(out, "chat-hosts");

            // from the anomaly straight to its host's confirm dialog
            FxWait.until("Scale up enabled under the anomaly", 15, () -> !robot.lookup("#anomaly-scale-up").query().isDisabled());
            Clicks.on(robot, "#anomaly-scale-up");
            FxWait.until("the confirm dialog with the plan", 10, () -> robot.lookup("#confirm-plan").tryQuery().isPresent());
            pause(3000);
            shot(out, "remediation-confirm");
            Clicks.on(robot, "#confirm-run");
            FxWait.until("the success notification", 20, () -> robot.lookup(".toast-success").queryAll().stream()
                    .anyMatch(n -> ((Labeled) n).getText().startsWith("scale up on web-1: succeeded")));
            assertThat(aws.calls("SetDesiredCapacity")).as("one click, one SetDesiredCapacity").hasSize(1);
            Clicks.on(robot, "#nav-remediation");
            pause(1500);
            shot(out, "remediation-done");

            ask(robot, session, "Show logs from 10 minutes ago");
            Clicks.on(robot, "#nav-logs");
            FxWait.until("the verified scale-up in the audit log", 30, () -> robot.lookup("#logs-table").tryQuery()
                    .map(t -> ((TableView<?>) t).getItems().stream().anyMatch(r -> ((io.smartcloudops.api.audit.AuditRecord) r).event() == io.smartcloudops.api.audit.AuditEvent.VERIFIED))
                    .orElse(false));
            pause(3500);
            shot(out, "logs");
            if (recording.isPresent()) {
                stopRecording(recording.get());
            }

            fx(() -> session.chatVm().ask("Restart nginx on web-1"));
            FxWait.until("the proposal's button", 15, () -> robot.lookup(".chat-action").tryQuery().isPresent());
            pause(1000);
            fx(() -> ((Button) scene.lookup(".chat-action")).fire());
            FxWait.until("the confirm dialog", 10, () -> robot.lookup("#confirm-plan").tryQuery().isPresent());
            pause(1000);
            shot(out, "chat-proposal-confirm");
            Clicks.on(robot, "#confirm-cancel");
            Clicks.on(robot, "#nav-remediation");
            FxWait.until("the pending approval with its buttons", 10, () -> robot.lookup("#remediation-pending .button")
                    .tryQuery().isPresent());
            pause(1500);
            shot(out, "remediation-pending");

            // the incident with its anomaly and scale-up markers, once the notifications have gone
            Clicks.on(robot, "#nav-dashboard");
            FxWait.until("the notifications to go", 30, () -> robot.lookup(".toast").queryAll().isEmpty());
            pause(1500);
            shot(out, "dashboard");

            for (Screen s : new Screen[] {Screen.MODEL, Screen.SETTINGS}) {
                fx(() -> session.root().show(s));
                pause(1500);
                shot(out, s.name().toLowerCase(Locale.ROOT));
            }
            fx(() -> session.root().show(Screen.DASHBOARD));
            fx(() -> session.root().toggleHelp());
            pause(500);
            shot(out, "help-overlay");
            fx(() -> session.root().toggleHelp());
            fx(() -> accelerator("T").run());
            pause(2000);
            shot(out, "dashboard-light");
            fx(() -> accelerator("T").run());

            // the narrowest supported window: the chat closes into a drawer, toolbars wrap, nothing is cut
            fx(() -> {
                stage.setWidth(NARROW_W);
                stage.setHeight(NARROW_H);
            });
            pause(1500);
            for (Screen s : new Screen[] {Screen.DASHBOARD, Screen.ANOMALIES, Screen.REMEDIATION, Screen.LOGS, Screen.MODEL,
                    Screen.SETTINGS}) {
                fx(() -> session.root().show(s));
                pause(1200);
                shot(out, s.name().toLowerCase(Locale.ROOT) + "-1024");
            }
            fx(() -> {
                session.root().show(Screen.DASHBOARD);
                session.root().showChat(true);
            });
            pause(1200);
            shot(out, "chat-drawer-1024");
            fx(() -> {
                session.root().showChat(false);
                stage.setWidth(WIDE_W);
                stage.setHeight(WIDE_H);
            });
            pause(1500);

            agent.stop();
            pause(3000);
            shot(out, "dashboard-agent-unreachable");
            fx(session::close);
        }
    }

    private static long samples(ConsoleSession session, String host) {
        var status = session.connection().statusProperty().get();
        if (status == null) {
            return 0;
        }
        return status.hosts().stream().filter(h -> h.host().equals(host)).mapToLong(HostStatus::samples).findFirst().orElse(0);
    }

    /** Clicks the chat chip with this question and waits for its answer. */
    private void ask(FxRobot robot, ConsoleSession session, String question) {
        int before = FxWait.onFx(() -> session.chatVm().messages().size());
        Node chip = robot.lookup(".chip").match(n -> question.equals(((Labeled) n).getText())).query();
        Clicks.on(robot, chip);
        FxWait.until("the answer to " + question, 20, () -> session.chatVm().messages().stream().skip(before)
                .anyMatch(m -> m.kind() != ChatMessage.Kind.QUESTION));
        pause(3500);
    }

    /** Types a question into the chat as a person would, and waits for its answer. */
    private void typeAndAsk(FxRobot robot, ConsoleSession session, String question) {
        int before = FxWait.onFx(() -> session.chatVm().messages().size());
        Clicks.on(robot, "#chat-input").write(question).type(javafx.scene.input.KeyCode.ENTER);
        FxWait.until("the answer to " + question, 20, () -> session.chatVm().messages().stream().skip(before)
                .anyMatch(m -> m.kind() != ChatMessage.Kind.QUESTION));
        pause(3000);
    }

    @SuppressWarnings("unchecked")
    private static Node row(FxRobot robot, Anomaly anomaly) {
        return robot.lookup("#anomaly-table .table-row-cell")
                .match(n -> ((TableRow<Anomaly>) n).getItem() != null
                        && ((TableRow<Anomaly>) n).getItem().id().equals(anomaly.id())).query();
    }

    private Runnable accelerator(String key) {
        return scene.getAccelerators().entrySet().stream()
                .filter(e -> e.getKey().getDisplayText().endsWith(key)).findFirst().orElseThrow().getValue();
    }

    private static void startRecording(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("start"), "");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(dir.resolve("recording"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("demo.sh did not start recording within 20 s (no " + dir.resolve("recording") + ")");
            }
            pause(100);
        }
        pause(1000);
    }

    private static void stopRecording(Path dir) throws IOException {
        Files.writeString(dir.resolve("stop"), "");
        pause(1500);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static void fx(Runnable r) {
        FxWait.onFx(() -> {
            r.run();
            return null;
        });
    }

    private void shot(Path out, String name) {
        FxWait.onFx(() -> {
            Png.write(scene, out.resolve(name + ".png"));
            return null;
        });
    }
}
