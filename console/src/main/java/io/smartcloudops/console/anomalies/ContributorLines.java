package io.smartcloudops.console.anomalies;

import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.anomaly.Contributor;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail's lines of what moved, in a region that holds still while an anomaly is open: it reserves {@link #SLOTS}
 * lines from the start, and never gets shorter while the same anomaly is shown, so the chart and the buttons below do
 * not move when its updates add or drop a metric (they jumped down as an on-call engineer read or aimed at them). The
 * lines are labels kept from update to update, their texts changed in place.
 */
final class ContributorLines extends VBox {

    /** Lines reserved whatever the anomaly says: the detector names up to three metrics a row, an incident a few more. */
    static final int SLOTS = 4;

    private String shownId;
    /**
     * The tallest this region has been laid out for the anomaly shown, at the width {@link #reservedAt}: it keeps that
     * height until another anomaly is picked or the width changes (lines wrapped at a width it no longer has).
     */
    private double reserved;
    private double reservedAt = -1;

    ContributorLines() {
        super(2);
        setId("anomaly-contributors");
        for (int i = 0; i < SLOTS; i++) {
            getChildren().add(line());
        }
    }

    /** Shows what moved in {@code a} (nothing for null); another anomaly than the one shown gives up the height kept. */
    void show(Anomaly a) {
        String id = a == null ? null : a.id();
        if (id == null || !id.equals(shownId)) {
            reserved = 0;
            reservedAt = -1;
            getChildren().remove(SLOTS, Math.max(SLOTS, getChildren().size()));
        }
        shownId = id;
        List<String> texts = a == null ? List.of() : texts(a);
        while (getChildren().size() < texts.size()) {
            getChildren().add(line());
        }
        for (int i = 0; i < getChildren().size(); i++) {
            Label l = (Label) getChildren().get(i);
            String text = i < texts.size() ? texts.get(i) : "";
            if (!text.equals(l.getText())) {
                l.setText(text);
            }
        }
        requestLayout();
    }

    /** The texts of the lines in use (the others are empty and only hold their place). */
    List<String> texts() {
        return getChildren().stream().map(n -> ((Label) n).getText()).filter(t -> !t.isEmpty()).toList();
    }

    private static List<String> texts(Anomaly a) {
        List<String> out = new ArrayList<>();
        for (Contributor c : a.contributors()) {
            out.add(AnomaliesViewModel.formatContributor(c));
        }
        if (out.isEmpty()) {
            // a record without per-metric lines: its summary says what moved
            out.add(a.summary() == null || a.summary().isBlank() ? "metrics: " + String.join(", ", a.metrics()) : a.summary());
        }
        return out;
    }

    private static Label line() {
        Label l = new Label("");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add("contributor-line");
        return l;
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), reserved);
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), reserved);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // measured at the width it is laid out at (a measure at another width would reserve for lines wrapped otherwise)
        double needed = super.computePrefHeight(getWidth());
        if (Math.abs(getWidth() - reservedAt) > 0.5) {
            boolean shrinks = needed < reserved - 0.5;
            reserved = needed;
            reservedAt = getWidth();
            if (shrinks) {
                requestLayout();
            }
        } else if (needed > reserved + 0.5) {
            reserved = needed;
        }
    }
}
