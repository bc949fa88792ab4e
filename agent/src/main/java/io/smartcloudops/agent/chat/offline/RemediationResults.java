package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.audit.AuditResult;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one outcome a question about remediations asks for, if any: "any pending approvals?", "what did you refuse?",
 * "any dry runs since 9?", "did any auto-remediation fail?". The answer then lists only those.
 */
final class RemediationResults {

    private record Words(Pattern pattern, AuditResult result) {
    }

    /** In this order: "dry runs waiting for approval" are dry runs first. */
    private static final List<Words> WORDS = List.of(
            new Words(Pattern.compile("\\bdry[- ]?runs?\\b"), AuditResult.DRY_RUN),
            new Words(Pattern.compile("\\bpending\\b|\\bawait\\w*|\\bwaiting\\b|\\bapprovals?\\b|\\bsign-?offs?\\b|\\bgo-ahead\\b"),
                    AuditResult.PENDING),
            new Words(Pattern.compile("\\brefus\\w*|\\bblocked\\b|\\bdenied\\b|\\bturned away\\b|\\bcool-?downs?\\b|\\brate[- ]limit\\w*"),
                    AuditResult.REFUSED),
            new Words(Pattern.compile("\\breject\\w*"), AuditResult.REJECTED),
            new Words(Pattern.compile("\\bfail\\w*|\\berror(?:ed|s)?\\b|\\bdid(?:n't| not) work\\b|\\bunsuccessful\\b"),
                    AuditResult.FAILURE),
            new Words(Pattern.compile("\\bsucce\\w*|\\bworked\\b"), AuditResult.SUCCESS));

    private RemediationResults() {
    }

    /** The outcome named in {@code lower}, or null when it asks about every outcome. */
    static AuditResult of(String lower) {
        for (Words w : WORDS) {
            if (w.pattern().matcher(lower).find()) {
                return w.result();
            }
        }
        return null;
    }
}
