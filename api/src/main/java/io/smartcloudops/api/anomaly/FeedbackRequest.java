package io.smartcloudops.api.anomaly;

/**
 * Body of {@code POST /anomalies/{id}/feedback}. The verdict is text so that a wrong one is refused with
 * the accepted values named, not with a parser's message.
 *
 * @param verdict {@code false_alarm} or {@code confirmed}
 * @param note    optional, at most 500 characters of printable text
 */
public record FeedbackRequest(String verdict, String note) {

    public static FeedbackRequest of(Verdict verdict, String note) {
        return new FeedbackRequest(verdict.key(), note);
    }
}
