package io.smartcloudops.console.shell;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;

/** A table cell that shows its whole text in a tooltip, so a cut-off detail, result or name can still be read. */
public final class FullTextCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();

    public FullTextCell() {
        whole.setWrapText(true);
        whole.setMaxWidth(600);
    }

    /** For {@code column.setCellFactory(FullTextCell.factory())}. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory() {
        return c -> new FullTextCell<>();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        whole.setText(item == null ? "" : item);
        setTooltip(empty || item == null || item.isEmpty() ? null : whole);
    }
}
