package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.Metric;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about the detector itself rather than a host's figures: whether it still learns a host, which cycles
 * (daily, weekly seasons) and level shifts it found ("is web-2 still learning?", "which hosts have a season?"), and
 * what a metric usually is ("what's normal cpu for web-1?", "is 80% cpu normal for web-2?").
 */
final class DetectorQuestions {

    private static final Pattern STATE = Pattern.compile("\\blearning\\b|\\bwarm(?:ed|ing)?[- ]?up\\b|\\bseasons?\\b|\\bseasonal\\w*"
            + "|\\b(?:daily|weekly|hourly) (?:cycles?|seasons?|patterns?|rhythm)\\b|\\blevel[- ]?shift\\w*"
            + "|\\b(?:start|starts|started|begin|begins|began) scoring\\b|\\bscoring (?:yet|already)\\b"
            + "|\\bdetector(?:'s)? (?:state|phase|status)\\b");
    private static final Pattern USUAL = Pattern.compile("\\b(?:normal|usual|usually|typical|typically|expected|expect|expects"
            + "|expecting|baseline|band)\\b");
    /** "higher than usual", "back to normal", "is that normal?": about the value now or an anomaly, not the usual itself. */
    private static final Pattern NOT_USUAL = Pattern.compile("\\b(?:than|above|below|over|under|beyond|outside|back to|return(?:ed)? to)"
            + " (?:the )?(?:usual|normal|expected|typical|baseline|band)\\b|\\bis (?:that|this|it) (?:normal|expected|usual)\\b"
            + "|\\bun(?:usual|expected)|\\bab?normal(?:ly|it)");

    /** "is 80% cpu normal", "is 95 percent memory usual": the value asked about. */
    private static final Pattern PERCENT = Pattern.compile("\\b(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent\\b)");

    private DetectorQuestions() {
    }

    /** The detector's state, or what a metric usually is; empty when the question asks neither. */
    static Optional<Intent> read(String lower, String host) {
        if (STATE.matcher(lower).find()) {
            return Optional.of(new Intent.DetectorState(host));
        }
        if (USUAL.matcher(lower).find() && !NOT_USUAL.matcher(lower).find()) {
            List<Metric> metrics = MetricWords.find(lower);
            if (host != null || !metrics.isEmpty()) {
                Matcher value = PERCENT.matcher(lower);
                boolean onePercentMetric = metrics.size() == 1 && "%".equals(metrics.getFirst().unit());
                return Optional.of(new Intent.Usual(host, metrics, onePercentMetric && value.find()
                        ? Double.valueOf(value.group(1)) : null));
            }
        }
        return Optional.empty();
    }
}
