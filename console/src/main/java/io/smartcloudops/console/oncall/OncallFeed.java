package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.events.EventTypes;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import io.smartcloudops.console.connection.AgentConnection;
import java.util.function.Consumer;

/**
 * Feeds {@link OncallViewModel} from the agent: {@code GET /alerts} and {@code GET /silences} when the agent
 * offers them and after every reconnect, the SSE events {@code alert} and {@code silence}; and carries its
 * actions to the agent ({@link OncallBackend}).
 */
public final class OncallFeed implements OncallBackend {

    private final AgentConnection connection;
    private OncallViewModel vm;

    public OncallFeed(AgentConnection connection) {
        this.connection = connection;
    }

    public void attach(OncallViewModel model) {
        this.vm = model;
        connection.on(EventTypes.ALERT, Alert.class, model::applyAlert);
        connection.on(EventTypes.SILENCE, Silence.class, model::applySilence);
        connection.offeredPathsProperty().addListener((o, a, p) -> load());
        connection.onReconnected(this::load);
        connection.whoamiProperty().addListener((o, a, w) -> model.roleProperty().set(w == null ? "unknown" : w.role()));
    }

    private void load() {
        if (connection.offeredPathsProperty().get().contains("/alerts")) {
            connection.call(c -> c.alerts(null, null, "7d", OncallViewModel.MAX_ALERTS), l -> vm.applyAlerts(l.alerts()), e -> { });
        }
        if (connection.offeredPathsProperty().get().contains("/silences")) {
            connection.call(c -> c.silences("active"), l -> vm.applySilences(l.silences()), e -> { });
        }
    }

    @Override
    public void acknowledgeAlert(String id, Consumer<Alert> ok, Consumer<String> failed) {
        connection.call(c -> c.acknowledgeAlert(id, null), ok, e -> failed.accept(why(e)));
    }

    @Override
    public void acknowledgeAnomaly(String id, Consumer<Anomaly> ok, Consumer<String> failed) {
        connection.call(c -> c.acknowledgeAnomaly(id, null), ok, e -> failed.accept(why(e)));
    }

    @Override
    public void silence(SilenceRequest request, Consumer<Silence> ok, Consumer<String> failed) {
        connection.call(c -> c.silence(request), ok, e -> failed.accept(why(e)));
    }

    @Override
    public void endSilence(String id, Consumer<Silence> ok, Consumer<String> failed) {
        connection.call(c -> c.deleteSilence(id), ok, e -> failed.accept(why(e)));
    }

    private static String why(AgentApiException e) {
        return e.error() == null ? String.valueOf(e.getMessage()) : e.error().detail();
    }
}
