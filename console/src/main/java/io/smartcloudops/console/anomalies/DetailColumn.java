package io.smartcloudops.console.anomalies;

import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The anomaly detail's column, its chart in the middle: the chart takes the height the view leaves (at least its
 * least height) at the first layout after {@link #release()} (another anomaly picked, the view's height changed), and
 * keeps it while the lines around it change; the column scrolls instead. With the chart taking up or giving back
 * every change, the reason under the buttons growing by "Scale up: Cooling down..." or "A request is in flight..."
 * shrank the chart and moved every button up under the pointer.
 */
final class DetailColumn extends VBox {

    private final Region chart;
    private final double chartMinHeight;
    private boolean holding;

    DetailColumn(double spacing, Region chart, double chartMinHeight, Node... children) {
        super(spacing, children);
        this.chart = chart;
        this.chartMinHeight = chartMinHeight;
        VBox.setVgrow(chart, Priority.ALWAYS);
        release();
    }

    /** Lets the chart take the height the view leaves at the next layout, and keep it from then on. */
    void release() {
        holding = false;
        chart.setMinHeight(chartMinHeight);
        chart.setMaxHeight(Double.MAX_VALUE);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (!holding && chart.getHeight() > 0) {
            holding = true;
            double h = chart.getHeight();
            chart.setMinHeight(h);
            chart.setMaxHeight(h);
        }
    }
}
