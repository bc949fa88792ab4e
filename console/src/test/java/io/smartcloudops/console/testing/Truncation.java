package io.smartcloudops.console.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;

/**
 * Finds text the layout cut short: buttons, labels and combo boxes whose text shows with an ellipsis or
 * not at all. Cells of tables and lists are left out (they give the whole text in a tooltip or a detail
 * pane), except a combo box's own button cell (what a combo box shows).
 */
public final class Truncation {

    private Truncation() {
    }

    /** One cut text: the control, its id or class, what it should say and what it shows. */
    public record Cut(String node, String text, String shown) {
        @Override
        public String toString() {
            return node + ": '" + text + "' shows as '" + shown + "'";
        }
    }

    /** Every cut text below {@code root} that is visible. Call on the JavaFX thread after a layout. */
    public static List<Cut> find(Node root) {
        List<Cut> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private static void walk(Node n, List<Cut> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ComboBox<?> combo) {
            checkCombo(combo, out);
        } else if (n instanceof Labeled l && (n instanceof ButtonBase || n instanceof Label) && !(n instanceof Cell<?>)
                && !insideCell(n)) {
            check(l, describe(l), out);
        }
        if (n instanceof Parent p && !(n instanceof ComboBox<?>)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, out);
            }
        }
    }

    private static boolean insideCell(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Cell<?> && !(p instanceof ListCell<?> && p.getStyleClass().contains("list-cell")
                    && p.getParent() instanceof ComboBox<?>)) {
                return true;
            }
            if (p.getClass().getName().startsWith("eu.hansolo.tilesfx")) {
                return true; // TilesFX draws and sizes its own text
            }
        }
        return false;
    }

    private static void checkCombo(ComboBox<?> combo, List<Cut> out) {
        for (Node child : combo.getChildrenUnmodifiable()) {
            if (child instanceof ListCell<?> cell) {
                String expected = combo.getValue() == null ? combo.getPromptText() : cell.getText();
                if (combo.getValue() != null && (cell.getText() == null || cell.getText().isEmpty())) {
                    out.add(new Cut(describe(combo), String.valueOf(combo.getValue()), ""));
                } else if (expected != null && !expected.isEmpty()) {
                    check(cell, describe(combo), out);
                }
            }
        }
        if (combo.getWidth() + 0.5 < combo.prefWidth(-1) && combo.getValue() != null) {
            String shown = shownText(combo).orElse("");
            if (!shown.equals(String.valueOf(combo.getValue()))) {
                out.add(new Cut(describe(combo), String.valueOf(combo.getValue()), shown));
            }
        }
    }

    private static java.util.Optional<String> shownText(Node n) {
        if (n instanceof Text t && t.getStyleClass().contains("text")) {
            return java.util.Optional.ofNullable(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                var s = shownText(c);
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static void check(Labeled l, String name, List<Cut> out) {
        String text = l.getText();
        if (text == null || text.isBlank() || l.getWidth() <= 0) {
            return;
        }
        String full = l.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        String shown = null;
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                shown = t.getText();
            }
        }
        if (shown == null) {
            return; // a graphic-only or not yet skinned control
        }
        if (!normalise(shown).equals(normalise(full))) {
            out.add(new Cut(name, full, shown));
        }
    }

    /** Wrapped text may break lines where the original had spaces. */
    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }
}
