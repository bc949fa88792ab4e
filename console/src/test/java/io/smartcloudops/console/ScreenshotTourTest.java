package io.smartcloudops.console;

import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.console.connection.AgentEndpoint;
import io.smartcloudops.console.connection.ConsoleSettings;
import io.smartcloudops.console.connection.SettingsStore;
import io.smartcloudops.console.shell.Screen;
import io.smartcloudops.console.testing.FxWait;
import io.smartcloudops.console.testing.Png;
import io.smartcloudops.console.testing.ScenarioAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Regenerates docs/screenshots (run by bench/console/screenshots.sh, skipped otherwise): the console
 * against a real agent replaying the test scenario, every screen after {@code screenshots.seconds} of
 * data, plus the light theme, the help overlay and the banner of an unreachable agent.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourTest {

    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("Smart Cloud Ops AI");
        stage.show();
    }

    @Test
    void tour() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        int seconds = Integer.getInteger("screenshots.seconds", 60);
        Path tmp = Files.createTempDirectory("sco-tour");
        System.setProperty("aws.accessKeyId", "AKIDTESTONLY");
        System.setProperty("aws.secretAccessKey", "test-secret-key-not-real");
        try (FakeAws aws = new FakeAws(); ScenarioAgent agent = new ScenarioAgent(tmp, Double.parseDouble(System.getProperty("screenshots.speed", "15"))).withYaml("""
                remediation:
                  enabled: true
                  executor: aws
                  allowed_units: [nginx, php-fpm]
                  cooldown: 10m
                  targets:
                    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web}
                    db-1: {instance_id: i-0fedcba9876543210}
                aws:
                  region: eu-west-1
                  ssm_document: SmartCloudOps-RestartService
                  endpoints: {autoscaling: "%s", ssm: "%s"}
                  max_attempts: 1
                detect:
                  model: "%s"
                """.formatted(aws.endpoint(), aws.endpoint(),
                Path.of("../ml_models/anomaly_model.ser").toAbsolutePath().normalize())).start()) {
            aws.on("DescribeAutoScalingGroups", FakeAws.always(FakeAws.Reply.xml(FakeAws.group("asg-web", 2, 4, 2))));
            ConsoleSession session = FxWait.onFx(() -> {
                ConsoleSession s = new ConsoleSession(new AgentEndpoint(agent.url(), ScenarioAgent.OPERATOR_TOKEN, true),
                        Optional.empty(), ConsoleSettings.defaults().withRefreshInterval(Duration.ofSeconds(2)),
                        new SettingsStore(tmp.resolve("settings")), Platform::runLater, Clock.systemUTC(), x -> { });
                s.install(scene);
                s.start();
                return s;
            });
            Thread.sleep(seconds * 1000L);
            FxWait.onFx(() -> {
                session.dashboardVm().selectedHostProperty().set("web-1");
                session.chatVm().ask("What's current CPU?");
                return null;
            });
            Thread.sleep(1000);
            fx(() -> session.chatVm().ask("Restart nginx on web-1"));
            for (Screen s : Screen.values()) {
                FxWait.onFx(() -> {
                    session.root().show(s);
                    if (s == Screen.ANOMALIES) {
                        session.anomaliesVm().visible().stream().findFirst().ifPresent(a -> session.anomaliesVm().selectedProperty().set(a));
                    }
                    return null;
                });
                Thread.sleep(1500);
                shot(out, s.name().toLowerCase(Locale.ROOT));
            }
            fx(() -> session.root().show(Screen.REMEDIATION));
            Thread.sleep(1000);
            fx(() -> ((javafx.scene.control.Button) scene.lookup("#scale-up-web-1")).fire());
            Thread.sleep(2000);
            shot(out, "remediation-confirm");
            fx(() -> ((javafx.scene.control.Button) scene.lookup("#confirm-cancel")).fire());
            fx(() -> ((javafx.scene.control.Button) scene.lookup(".chat-action")).fire());
            Thread.sleep(1000);
            shot(out, "chat-proposal-confirm");
            fx(() -> ((javafx.scene.control.Button) scene.lookup("#confirm-cancel")).fire());
            fx(() -> session.root().show(Screen.DASHBOARD));
            fx(() -> session.root().toggleHelp());
            Thread.sleep(500);
            shot(out, "help-overlay");
            fx(() -> session.root().toggleHelp());
            fx(() -> scene.getAccelerators().entrySet().stream()
                    .filter(e -> e.getKey().getDisplayText().endsWith("T")).findFirst().orElseThrow().getValue().run());
            Thread.sleep(2000);
            shot(out, "dashboard-light");
            fx(() -> scene.getAccelerators().entrySet().stream()
                    .filter(e -> e.getKey().getDisplayText().endsWith("T")).findFirst().orElseThrow().getValue().run());
            agent.stop();
            Thread.sleep(3000);
            shot(out, "dashboard-agent-unreachable");
            fx(session::close);
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
