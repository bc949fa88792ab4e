package io.smartcloudops.console.shell;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Table columns never narrower than their header's name ("Insta..." tells nobody anything). */
public final class Columns {

    /** Sort arrow and padding of a column header, in pixels. */
    private static final double HEADER_CHROME = 26;

    private Columns() {
    }

    public static void headersWhole(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            Text t = new Text(c.getText());
            t.setFont(Font.font(null, FontWeight.BOLD, Theme.BASE_FONT * 1.15));
            c.setMinWidth(Math.max(c.getMinWidth(), Math.ceil(t.getLayoutBounds().getWidth() + HEADER_CHROME)));
        }
    }
}
