package io.smartcloudops.console.model;

import io.smartcloudops.console.connection.AgentConnection;

/**
 * Feeds a {@link ModelViewModel} from an {@link AgentConnection}: the detector's summary from {@code /status},
 * and the model card and its report images from {@code GET /model} when the agent offers it (again after a
 * reconnect: the same images are not decoded twice).
 */
public final class ModelFeed {

    private ModelFeed() {
    }

    /** The view-model, wired to {@code connection}; call on the UI thread before {@link AgentConnection#start}. */
    public static ModelViewModel attach(AgentConnection connection) {
        ModelViewModel vm = new ModelViewModel();
        connection.statusProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.applyStatus(s);
            }
        });
        Runnable load = () -> {
            if (connection.offeredPathsProperty().get().contains("/model")) {
                connection.call(c -> c.model(), card -> {
                    vm.applyCard(card);
                    for (String report : card.reports()) {
                        connection.call(c -> c.modelReport(report), png -> vm.applyReport(report, png), e -> { });
                    }
                }, e -> vm.cardUnavailable(e.error().detail()));
            }
        };
        connection.offeredPathsProperty().addListener((o, a, p) -> load.run());
        connection.onReconnected(load);
        return vm;
    }
}
