package io.smartcloudops.agent.rules;

import io.smartcloudops.api.alert.Alert;
import java.util.List;
import java.util.Optional;

/** Whether a silence holds for a rule about to act on a host: the silence's id and end, for the rule's status. */
@FunctionalInterface
public interface SilenceCheck {

    SilenceCheck NONE = (rule, host, metrics, alerts) -> Optional.empty();

    /**
     * @param metrics the metrics the rule's condition reads
     * @param alerts  the firing alerts on the host the condition matched (a silence of one of them counts)
     */
    Optional<String> silencedBy(String rule, String host, List<String> metrics, List<Alert> alerts);
}
