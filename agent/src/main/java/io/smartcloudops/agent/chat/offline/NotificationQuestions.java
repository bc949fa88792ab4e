package io.smartcloudops.agent.chat.offline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions about the notifications the agent sent ("which notifications were sent?", "did anyone get paged about
 * db-1?", "what went to slack today?", "did pagerduty get the web-2 alert?"), with the channel, host, time and whether
 * only failed ones are asked for.
 */
final class NotificationQuestions {

    private static final Pattern NOTIFICATIONS = Pattern.compile("\\bnotif(?:y|ied|ications?)\\b(?!.*\\b(?:logs?|audit)\\b)"
            + "|\\b(?:slack|pagerduty|pager duty|ms teams|microsoft teams|teams channel|webhooks?)\\b"
            + "|\\bpage[ds]? (?:anyone|anybody|someone|somebody|people|me|us|them)\\b"
            + "|\\b(?:get|gets|got|gotten|was|were|been|be|anyone|anybody|someone|somebody|who) paged\\b"
            + "|\\b(?:alerts?|notifications?|messages?|pages?|emails?)\\b.*\\b(?:sent|send|went out|gone out|go out|delivered)\\b"
            + "|\\b(?:sent|send|delivered)\\b.*\\b(?:alerts?|notifications?|messages?|pages?|emails?)\\b"
            + "|\\bwhat went (?:out|to)\\b");
    /** The channel types by the words people use for them. */
    private static final Pattern CHANNEL = Pattern.compile("\\b(slack|pagerduty|pager duty|ms teams|microsoft teams|teams|webhooks?)\\b");
    private static final Pattern FAILED = Pattern.compile("\\b(?:fail\\w*|undelivered|not delivered|(?:didn't|did not|never) "
            + "(?:arrive|go out|get through|make it)|errors?|bounced|lost)\\b");

    private NotificationQuestions() {
    }

    /** Whether {@code word} is part of a channel's name in the question ("slack" in "what went to slack", "pager duty"). */
    static boolean namesChannel(String lower, String word) {
        Matcher m = CHANNEL.matcher(lower);
        while (m.find()) {
            if (m.group(1).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A question about the notifications sent; empty when it is not one. */
    static Optional<Intent> read(String lower, String host, Optional<TimeRange> range) {
        if (!NOTIFICATIONS.matcher(lower).find()) {
            return Optional.empty();
        }
        Matcher c = CHANNEL.matcher(lower);
        String channel = null;
        if (c.find()) {
            channel = switch (c.group(1)) {
                case "pager duty" -> "pagerduty";
                case "ms teams", "microsoft teams" -> "teams";
                case "webhooks" -> "webhook";
                default -> c.group(1);
            };
        }
        return Optional.of(new Intent.Notifications(range.orElse(null), host, channel, FAILED.matcher(lower).find()));
    }
}
