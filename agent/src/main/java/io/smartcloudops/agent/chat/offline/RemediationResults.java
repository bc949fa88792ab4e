package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.audit.AuditResult;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one outcome a question about remediations asks for, if any: "any pending approvals?", "what did you refuse?",
 * "any dry runs since 9?", "did any auto-remediation fail?". The answer then lists only those.
 */
final class RemediationResults {

    private static final Map<Pattern, AuditResult> WORDS = orderedWords();

    private RemediationResults() {
    }

    private static Map<Pattern, AuditResult> orderedWords() {
        Map<Pattern, AuditResult> words = new java.util.LinkedHashMap<>();
        words.put(Pattern.compile("\\bdry[- ]?runs?\\b"), AuditResult.DRY_RUN);
        words.put(Pattern.compile("\\bpending\\b|\\bawait\\w*|\\bwaiting\\b|\\bapprovals?\\b|\\bsign-?offs?\\b|\\bgo-ahead\\b"),
                AuditResult.PENDING);
        words.put(Pattern.compile("\\brefus\\w*|\\bblocked\\b|\\bdenied\\b|\\bturned away\\b|\\bcool-?downs?\\b|\\brate[- ]limit\\w*"),
                AuditResult.REFUSED);
        words.put(Pattern.compile("\\breject\\w*"), AuditResult.REJECTED);
        words.put(Pattern.compile("\\bfail\\w*|\\berror(?:ed|s)?\\b|\\bdid(?:n't| not) work\\b|\\bunsuccessful\\b"), AuditResult.FAILURE);
        words.put(Pattern.compile("\\bsucce\\w*|\\bworked\\b"), AuditResult.SUCCESS);
        return java.util.Collections.unmodifiableMap(words);
    }

    /** The outcome named in {@code lower}, or null when it asks about every outcome. */
    static AuditResult of(String lower) {
        for (Map.Entry<Pattern, AuditResult> e : WORDS.entrySet()) {
            if (e.getKey().matcher(lower).find()) {
                return e.getValue();
            }
        }
        return null;
    }
}
