package io.smartcloudops.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.api.Json;
import io.smartcloudops.api.model.ModelCard;
import io.smartcloudops.console.testing.Clicks;
import io.smartcloudops.console.testing.FxWait;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The cause of the freeze of issue 18: the Model screen decoded its evaluation reports at full size
 * (nab.png is 1580×3624: 17 MB of pixels, 23 MB more as a software texture) and again on every change of
 * the report list and every reconnect, until the console's 160 MB heap stayed full. The reports must be
 * decoded once each, no wider than shown; only an enlarged report is decoded larger, and only while shown.
 */
@ExtendWith(ApplicationExtension.class)
class ModelViewTest {

    /** The size of ml_models/reports/nab.png. */
    private static final int REPORT_W = 1580;
    private static final int REPORT_H = 3624;
    private static byte[] bigReport;
    private static byte[] smallReport;

    private final ModelViewModel vm = new ModelViewModel();
    private ModelView view;

    @BeforeAll
    static void reports() throws IOException {
        bigReport = png(REPORT_W, REPORT_H);
        smallReport = png(400, 300);
    }

    private static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        for (int y = 0; y < h; y += 40) {
            g.drawLine(0, y, w, (y * 7) % h);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Start
    void start(Stage stage) {
        view = new ModelView(vm);
        stage.setScene(new Scene(view, 1440, 900));
        stage.show();
    }

    private static ModelCard card() {
        var node = Json.mapper().createObjectNode();
        node.put("sha256", "43c8");
        return new ModelCard("ml_models/anomaly_model.ser", node, List.of("faults.png", "nab.png"));
    }

    private void receiveCardAndReports() {
        FxWait.onFx(() -> {
            vm.applyCard(card());
            vm.applyReport("nab.png", bigReport.clone());
            vm.applyReport("faults.png", smallReport.clone());
            return null;
        });
    }

    private static long pixels(Image i) {
        return (long) i.getWidth() * (long) i.getHeight();
    }

    @Test
    void reportsAreDecodedOnceAndNoWiderThanShownAcrossReconnects(FxRobot robot) {
        receiveCardAndReports();
        FxWait.until("both reports shown", 20, () -> robot.lookup("#model-report-nab-png").tryQuery().isPresent()
                && robot.lookup("#model-report-faults-png").tryQuery().isPresent());
        Image nab = FxWait.onFx(() -> robot.lookup("#model-report-nab-png").queryAs(ImageView.class).getImage());
        Image faults = FxWait.onFx(() -> robot.lookup("#model-report-faults-png").queryAs(ImageView.class).getImage());
        assertThat(nab.getWidth()).as("decoded no wider than the report column").isLessThanOrEqualTo(ReportImages.SHOWN_WIDTH);
        assertThat(pixels(nab)).as("a fifth of the full-size pixels or less").isLessThanOrEqualTo((long) REPORT_W * REPORT_H / 4);
        assertThat(faults.getWidth()).as("a small report is not enlarged").isEqualTo(400);
        assertThat(FxWait.onFx(view::reportDecodes)).isEqualTo(2);

        // every reconnect fetches the card and its reports again: same bytes, no new decode, same images
        for (int i = 0; i < 5; i++) {
            receiveCardAndReports();
        }
        assertThat(FxWait.onFx(view::reportDecodes)).as("decodes after five reconnects").isEqualTo(2);
        assertThat(FxWait.onFx(() -> robot.lookup("#model-report-nab-png").queryAs(ImageView.class).getImage())).isSameAs(nab);
    }

    @Test
    void aReportEnlargesOnClickAndTheLargeImageGoesWithBack(FxRobot robot) {
        receiveCardAndReports();
        FxWait.until("the report", 20, () -> robot.lookup("#model-report-nab-png").tryQuery().isPresent());
        Clicks.on(robot, "#model-report-nab-png");
        FxWait.until("the enlarged report", 20, () -> robot.lookup("#model-report-enlarged").tryQuery().isPresent());
        Image big = FxWait.onFx(() -> robot.lookup("#model-report-enlarged").queryAs(ImageView.class).getImage());
        assertThat(big.getWidth()).as("as wide as the screen, not the file").isGreaterThan(ReportImages.SHOWN_WIDTH)
                .isLessThan(REPORT_W);
        Clicks.on(robot, "#model-report-back");
        FxWait.until("the card again", 20, () -> robot.lookup("#model-report-enlarged").tryQuery().isEmpty()
                && robot.lookup("#model-table").tryQuery().isPresent());
    }
}
