package io.smartcloudops.console.oncall;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.anomaly.Anomaly;
import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceRequest;
import java.util.function.Consumer;

/** What the on-call pane asks of the agent; answers arrive on the UI thread, failures as the agent's words. */
public interface OncallBackend {

    void acknowledgeAlert(String id, Consumer<Alert> ok, Consumer<String> failed);

    void acknowledgeAnomaly(String id, Consumer<Anomaly> ok, Consumer<String> failed);

    void silence(SilenceRequest request, Consumer<Silence> ok, Consumer<String> failed);

    void endSilence(String id, Consumer<Silence> ok, Consumer<String> failed);
}
