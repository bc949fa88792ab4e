package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationState;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scale_up or scale_in did to its Auto Scaling group's desired capacity. Written into the outcome's
 * detail by the executors ({@link #text}) and read back from a finished remediation ({@link #of}), which is how
 * a rule's {@code scale_in_after} knows the capacity to return to and the one to expect.
 */
public record CapacityChange(String group, int before, int after) {

    private static final Pattern TEXT = Pattern.compile("Auto Scaling group (\\S+): desired capacity (\\d+) -> (\\d+)");

    /** {@code Auto Scaling group g: desired capacity 2 -> 3}. */
    String text() {
        return "Auto Scaling group " + group + ": desired capacity " + before + " -> " + after;
    }

    /** The change a succeeded remediation made; empty for anything else (dry runs, refusals, failures). */
    public static Optional<CapacityChange> of(Remediation r) {
        if (r.state() != RemediationState.SUCCEEDED || r.detail() == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(r.detail());
        return m.find() ? Optional.of(new CapacityChange(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }
}
