package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Severity;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The anomaly table's column widths, measured in its font: Raised, Host and Severity keep the width of their longest
 * possible text, State and Handled the width of the longest text the rows show now (or of their header), and Summary
 * takes what they leave. Beside the on-call pane at 1024 px the table has about 520 px: with widths guessed in pixels
 * Raised was cut to "Dec 7 13..." and Summary to a word while Handled, the last column, took the rest; with State and
 * Handled at their header's width, "closed after 5 min" and "confirmed · ack operator" were cut. Handled gives way (its
 * tooltip has it whole) before Summary gets narrower than {@link #SUMMARY_MIN_EM}.
 */
final class AnomalyColumns {

    static final String SUMMARY = "anomaly-summary-column";
    static final String STATE = "anomaly-state-column";
    static final String HANDLED = "anomaly-handled-column";
    /** A cell's padding and a header's sort arrow and padding, in em (the header's 26 px at 13 px, as Columns). */
    private static final double CELL_CHROME_EM = 0.8;
    private static final double HEADER_CHROME_EM = 2.0;
    /** Summary never gets narrower than this, in em: a few words, the rest in its tooltip. */
    private static final double SUMMARY_MIN_EM = 6;

    private final TableView<Anomaly> table;
    private double fontSize;
    /** Widths of the texts measured at {@link #fontSize}: the few texts of State and Handled, for every list change. */
    private final java.util.Map<String, Double> measured = new java.util.HashMap<>();

    private AnomalyColumns(TableView<Anomaly> table, double fontSize) {
        this.table = table;
        this.fontSize = fontSize;
    }

    /** Fits the columns now for text of {@code fontSize} px, and again whenever the rows or the table's width change. */
    static AnomalyColumns install(TableView<Anomaly> table, double fontSize) {
        AnomalyColumns columns = new AnomalyColumns(table, fontSize);
        table.getItems().addListener((ListChangeListener<Anomaly>) c -> columns.fit());
        table.widthProperty().addListener((o, a, b) -> columns.fit());
        // the vertical scroll bar, once the skin made it: it takes its width from the columns when the rows pass the view
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            ScrollBar bar = columns.verticalScrollBar();
            if (bar != null) {
                bar.visibleProperty().addListener((ov, was, is) -> columns.fit());
            }
        }));
        columns.fit();
        return columns;
    }

    /** The console's scale changed the font: measure again. */
    void fontSize(double size) {
        this.fontSize = size;
        measured.clear();
        fit();
    }

    private void fit() {
        TableColumn<Anomaly, ?> summary = null;
        TableColumn<Anomaly, ?> handled = null;
        double others = 0;
        for (TableColumn<Anomaly, ?> c : table.getColumns()) {
            double header = width(c.getText(), Font.font(null, FontWeight.BOLD, fontSize * 1.15)) + HEADER_CHROME_EM * fontSize;
            String id = c.getId() == null ? "" : c.getId();
            if (SUMMARY.equals(id)) {
                summary = c;
                c.setMinWidth(Math.ceil(SUMMARY_MIN_EM * fontSize));
                c.setMaxWidth(Double.MAX_VALUE);
                continue;
            }
            double content = switch (id) {
                // the widest month and day at the latest minute
                case "anomaly-raised-column" -> Stream.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                        "Oct", "Nov", "Dec").mapToDouble(m -> width(m + " 30 23:59", Font.font(fontSize))).max().orElseThrow();
                case "anomaly-severity-column" -> Stream.of(Severity.values())
                        .mapToDouble(s -> width(s.key() + String.format(Locale.ROOT, " %.2f", 0.99), Font.font(fontSize)))
                        .max().orElseThrow();
                case "anomaly-host-column" -> width("web-12", Font.font(fontSize)); // longer names: the tooltip
                case STATE -> widest(AnomaliesViewModel::formatState);
                case HANDLED -> widest(AnomaliesViewModel::formatHandled);
                default -> 0;
            };
            double w = Math.ceil(Math.max(header, content + CELL_CHROME_EM * fontSize));
            if (HANDLED.equals(id)) {
                handled = c;
                c.setMinWidth(Math.ceil(header));
            } else {
                c.setMinWidth(w);
                others += w;
            }
            c.setPrefWidth(w);
            c.setMaxWidth(w);
        }
        double inner = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        if (handled != null && summary != null && inner > 0) {
            double room = Math.floor(inner - others - summary.getMinWidth() - verticalScrollBarWidth());
            double w = Math.max(handled.getMinWidth(), Math.min(handled.getMaxWidth(), room));
            // fixed, so that only Summary gives and takes width (the resize policy shared it out between the two)
            handled.setMinWidth(w);
            handled.setPrefWidth(w);
            handled.setMaxWidth(w);
        }
    }

    private ScrollBar verticalScrollBar() {
        return table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.VERTICAL).map(n -> (ScrollBar) n).findFirst().orElse(null);
    }

    private double verticalScrollBarWidth() {
        ScrollBar bar = verticalScrollBar();
        return bar != null && bar.isVisible() ? bar.prefWidth(-1) : 0;
    }

    private double widest(Function<Anomaly, String> text) {
        Font font = Font.font(fontSize);
        if (measured.size() > 1000) {
            measured.clear();
        }
        double max = 0;
        for (Anomaly a : table.getItems()) {
            max = Math.max(max, measured.computeIfAbsent(text.apply(a), t -> width(t, font)));
        }
        return max;
    }

    private static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
