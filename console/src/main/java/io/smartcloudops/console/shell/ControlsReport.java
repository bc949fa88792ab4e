package io.smartcloudops.console.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the window's controls are, for scripts that drive the console with xdotool (bench/console/incident-walk.sh):
 * such a script finds "Scale up..." by its id wherever the layout put it, instead of clicking a pixel row that a
 * wrapped line above the button moves (the walk's click landed on the remediation reason and tested nothing).
 *
 * <p>Pressing F12 replaces the file whole. One line per control with an id that is shown at least in part, and per
 * filled row of a table or list ({@code <its id>/row/<index>}), tab-separated: id, x, y, width, height of the part
 * inside the window and every scroll pane or clip around it (screen pixels), {@code whole} or {@code part},
 * {@code enabled} or {@code disabled}, and its text on one line.
 */
public final class ControlsReport {

    private static final Logger LOG = LoggerFactory.getLogger(ControlsReport.class);

    private ControlsReport() {
    }

    /** Writes the report to {@code file} each time F12 is pressed in {@code scene}. */
    public static void install(Scene scene, Path file) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F12) {
                write(scene, file);
                e.consume();
            }
        });
    }

    /** Written whole, then moved in place: a script waiting for the file never reads half of it. */
    private static void write(Scene scene, Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines(scene), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write the controls report to {}: {}", file, e.getMessage());
        }
    }

    /** The report's lines for what {@code scene} shows now. */
    static List<String> lines(Scene scene) {
        List<String> out = new ArrayList<>();
        Parent root = scene.getRoot();
        collect(root, root.localToScreen(root.getLayoutBounds()), out);
        return out;
    }

    private static void collect(Node n, Bounds window, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        String id = id(n);
        if (id != null) {
            Bounds whole = n.localToScreen(n.getLayoutBounds());
            Bounds shown = shown(n, whole, window);
            if (whole != null && shown != null) {
                out.add(String.join("\t", id, px(shown.getMinX()), px(shown.getMinY()), px(shown.getWidth()),
                        px(shown.getHeight()), covers(shown, whole) ? "whole" : "part",
                        n.isDisabled() ? "disabled" : "enabled", text(n)));
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, window, out);
            }
        }
    }

    /**
     * A control's id, or a filled row's: the id of the table or list it belongs to, "/row/", its index. Null for what a
     * control's skin is made of (its arrow, its scrolling flow, a cell that took its column's id).
     */
    private static String id(Node n) {
        Control owner = owner(n);
        if (n instanceof IndexedCell<?> cell) {
            boolean row = cell.getStyleClass().contains("table-row-cell") || cell.getStyleClass().contains("list-cell");
            return row && !cell.isEmpty() && cell.getIndex() >= 0 && owner != null && owner.getId() != null
                    ? owner.getId() + "/row/" + cell.getIndex() : null;
        }
        return owner == null ? n.getId() : null;
    }

    /** The control whose skin {@code n} is part of, or null; panes that hold the screens' own controls are no owners. */
    private static Control owner(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Control c && !(p instanceof IndexedCell<?>) && !(p instanceof ScrollPane)
                    && !(p instanceof SplitPane) && !(p instanceof TabPane) && !(p instanceof TitledPane)) {
                return c;
            }
        }
        return null;
    }

    /** The part of {@code whole} inside the window and every clip around the node (scroll panes clip their view). */
    private static Bounds shown(Node n, Bounds whole, Bounds window) {
        Bounds b = intersect(whole, window);
        for (Node p = n; p != null && b != null; p = p.getParent()) {
            if (p.getClip() != null) {
                b = intersect(b, p.localToScreen(p.getClip().getBoundsInParent()));
            }
        }
        return b;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        if (a == null || b == null) {
            return null;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX < 1 || maxY - minY < 1 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean covers(Bounds shown, Bounds whole) {
        return shown.getWidth() >= whole.getWidth() - 0.5 && shown.getHeight() >= whole.getHeight() - 0.5;
    }

    private static String px(double v) {
        return Long.toString(Math.round(v));
    }

    /** A control's text; a row's, its cells' texts. */
    private static String text(Node n) {
        String t;
        if (n instanceof IndexedCell<?> cell && cell.getText() == null) {
            t = cell.lookupAll(".table-cell").stream().filter(c -> c instanceof Labeled).map(c -> ((Labeled) c).getText())
                    .filter(x -> x != null && !x.isBlank()).collect(java.util.stream.Collectors.joining(" | "));
        } else {
            t = n instanceof Labeled l ? l.getText() : n instanceof TextInputControl c ? c.getText() : "";
        }
        return t == null ? "" : t.replaceAll("\\s+", " ").strip();
    }
}
