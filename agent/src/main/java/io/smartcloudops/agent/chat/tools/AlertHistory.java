package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.api.alert.Alert;
import io.smartcloudops.api.oncall.Silence;
import java.util.Collection;
import java.util.List;

/** The alerts Alertmanager and Grafana sent and the silences holding now, as the chat tools read them. */
public interface AlertHistory {

    /** Newest first, with their silence and acknowledgement; of {@code host} when given, firing ones only when asked. */
    List<Alert> alerts(String host, boolean firingOnly, int limit);

    /** The silences holding now, newest first. */
    List<Silence> activeSilences();

    /** Hosts alerts were about (questions may name them). */
    Collection<String> hosts();

    /** Nothing at all (tests, tools without an agent). */
    AlertHistory NONE = new AlertHistory() {
        @Override
        public List<Alert> alerts(String host, boolean firingOnly, int limit) {
            return List.of();
        }

        @Override
        public List<Silence> activeSilences() {
            return List.of();
        }

        @Override
        public Collection<String> hosts() {
            return List.of();
        }
    };
}
