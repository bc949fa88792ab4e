package io.smartcloudops.agent.notify;

import java.time.Instant;
import java.util.Locale;

/** One message to one channel: a subject opened, repeated, resolved or acknowledged, at {@code at}. */
public record Notice(Kind kind, Subject subject, Instant at) {

    public enum Kind {
        OPENED, REPEATED, RESOLVED, ACKNOWLEDGED;

        /** {@code opened}, ... : the generic webhook's {@code event}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The tag people read first: {@code FIRING}, {@code STILL FIRING}, {@code RESOLVED}, {@code ACKNOWLEDGED}. */
        public String tag() {
            return switch (this) {
                case OPENED -> "FIRING";
                case REPEATED -> "STILL FIRING";
                case RESOLVED -> "RESOLVED";
                case ACKNOWLEDGED -> "ACKNOWLEDGED";
            };
        }
    }

    /** The same notice stamped at {@code t} (each delivery attempt is stamped when it is sent). */
    public Notice at(Instant t) {
        return new Notice(kind, subject, t);
    }

    /** {@code [FIRING] HighCPU on web-1}. */
    public String headline() {
        if (subject.kind() == io.smartcloudops.agent.oncall.FindingKind.MESSAGE) {
            return subject.title();  // a notify action's own subject line
        }
        return "[" + kind.tag() + "] " + subject.title();
    }
}
