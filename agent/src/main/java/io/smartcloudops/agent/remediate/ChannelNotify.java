package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.notify.Notifier;
import io.smartcloudops.api.remediation.PlanStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * notify with {@code channel:}: the message goes to a notification channel of {@code notify.channels} (Slack,
 * Teams, PagerDuty, webhook) through that channel's own queue, rate limit and retries; the action waits for the
 * delivery's result, at most {@link #WAIT}.
 */
final class ChannelNotify {

    /** Longest a notify action waits for its channel (retries included) before it is recorded as failed. */
    static final Duration WAIT = Duration.ofMinutes(2);

    private final Notifier notifier;

    ChannelNotify(Notifier notifier) {
        this.notifier = notifier;
    }

    Optional<String> unsupported(String channel) {
        if (notifier == null || notifier.channelType(channel).isEmpty()) {
            return Optional.of("notify.channels has no channel '" + channel + "' (known: "
                    + (notifier == null || notifier.channelNames().isEmpty() ? "none" : String.join(", ", notifier.channelNames())) + ")");
        }
        return Optional.empty();
    }

    List<PlanStep> plan(RemediationAction.Notify n, Target target) {
        String type = notifier.channelType(n.channel()).orElse("?");
        return List.of(new PlanStep("http", "post the message about " + target.name() + " to the " + type + " channel "
                + n.channel(), List.of(type, "POST", "channel=" + n.channel(), "Subject=" + n.subject(), "Message=" + n.message())));
    }

    Outcome run(RemediationAction.Notify n, Target target) {
        try {
            Optional<String> error = notifier.message(n.channel(), n.subject(), n.message(), target.name())
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return error.map(e -> Outcome.failure("channel " + n.channel() + ": " + e))
                    .orElseGet(() -> Outcome.success("posted to the " + notifier.channelType(n.channel()).orElse("") + " channel "
                            + n.channel()));
        } catch (TimeoutException e) {
            return Outcome.failure("channel " + n.channel() + ": not delivered within " + WAIT.toMinutes() + " minutes (still queued)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failure("channel " + n.channel() + ": interrupted");
        } catch (ExecutionException e) {
            return Outcome.failure("channel " + n.channel() + ": " + e.getCause());
        }
    }
}
