package io.smartcloudops.agent.oncall;

import io.smartcloudops.api.oncall.Silence;
import io.smartcloudops.api.oncall.SilenceState;
import java.util.List;
import java.util.function.Supplier;

/**
 * How many open findings (firing alerts, open anomalies) each active silence holds now, for whoever reads silences:
 * a silence that matches nothing (a mistyped host, a label no alert carries) is accepted, since it may be set ahead of
 * what it is meant for, but says so instead of looking like a snooze that works.
 */
public final class SilenceMatches {

    private final Supplier<List<Finding>> open;

    /** @param open the findings open now */
    public SilenceMatches(Supplier<List<Finding>> open) {
        this.open = open;
    }

    /** The silence with {@code matching} counted; unchanged when it is no longer active or names a rule. */
    public Silence counted(Silence s) {
        return counted(List.of(s)).getFirst();
    }

    public List<Silence> counted(List<Silence> silences) {
        if (silences.stream().noneMatch(SilenceMatches::counts)) {
            return silences;
        }
        List<Finding> now = open.get();
        return silences.stream().map(s -> counts(s) ? s.withMatching((int) now.stream().filter(f -> Silences.matches(s, f)).count())
                : s).toList();
    }

    private static boolean counts(Silence s) {
        return s.state() == SilenceState.ACTIVE && s.rule() == null;
    }
}
