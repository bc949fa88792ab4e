package io.smartcloudops.console.dashboard;

import javafx.scene.paint.Color;

/** How full a percentage gauge is, so 96 % CPU does not look like 30 %. */
enum GaugeLevel {
    NORMAL(Color.web("#4fc3f7")),
    HIGH(Color.web("#ffb300")),
    CRITICAL(Color.web("#ef5350"));

    /** From this value on a gauge is {@link #HIGH}. */
    static final double HIGH_FROM = 75;
    /** From this value on a gauge is {@link #CRITICAL}. */
    static final double CRITICAL_FROM = 90;

    private final Color colour;

    GaugeLevel(Color colour) {
        this.colour = colour;
    }

    static GaugeLevel of(double percent) {
        return percent >= CRITICAL_FROM ? CRITICAL : percent >= HIGH_FROM ? HIGH : NORMAL;
    }

    Color colour() {
        return colour;
    }

    /** Style class for a bar in a compact row. */
    String styleClass() {
        return "level-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
