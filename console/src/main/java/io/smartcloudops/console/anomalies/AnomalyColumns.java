package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The anomaly table's column widths, measured in its font: Raised, Severity, State and Handled keep the width of their
 * longest short text or of their header, and Summary takes what they leave. Beside the on-call pane at 1024 px the
 * table has about 520 px: with widths guessed in pixels Raised was cut to "Dec 7 13..." and Summary to a word while
 * Handled, the last column, took the rest.
 */
final class AnomalyColumns {

    static final String SUMMARY = "anomaly-summary-column";
    /** A cell's padding and a header's sort arrow and padding, in em (the header's 26 px at 13 px, as Columns). */
    private static final double CELL_CHROME_EM = 0.8;
    private static final double HEADER_CHROME_EM = 2.0;
    /** Summary never gets narrower than this, in em: a few words, the rest in its tooltip. */
    private static final double SUMMARY_MIN_EM = 6;

    private AnomalyColumns() {
    }

    /** Sets the widths for text of {@code fontSize} px; call again when the font scale changes. */
    static void fit(TableView<Anomaly> table, double fontSize) {
        for (TableColumn<Anomaly, ?> c : table.getColumns()) {
            double header = width(c.getText(), Font.font(null, FontWeight.BOLD, fontSize * 1.15)) + HEADER_CHROME_EM * fontSize;
            if (SUMMARY.equals(c.getId())) {
                c.setMinWidth(Math.ceil(SUMMARY_MIN_EM * fontSize));
                c.setMaxWidth(Double.MAX_VALUE);
                continue;
            }
            double content = switch (c.getId() == null ? "" : c.getId()) {
                // the widest month and day at the latest minute
                case "anomaly-raised-column" -> Stream.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                        "Oct", "Nov", "Dec").mapToDouble(m -> width(m + " 30 23:59", Font.font(fontSize))).max().orElseThrow();
                case "anomaly-severity-column" -> Stream.of(Severity.values())
                        .mapToDouble(s -> width(s.key() + String.format(Locale.ROOT, " %.2f", 0.99), Font.font(fontSize)))
                        .max().orElseThrow();
                case "anomaly-host-column" -> width("web-12", Font.font(fontSize)); // longer names: the tooltip
                default -> 0; // State, Handled: their header; a longer text is in the tooltip
            };
            double w = Math.ceil(Math.max(header, content + CELL_CHROME_EM * fontSize));
            c.setMinWidth(w);
            c.setPrefWidth(w);
            c.setMaxWidth(w);
        }
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
