package io.smartcloudops.agent.remediate;

import io.smartcloudops.api.TextCut;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed and ineffective actions towards a target's circuit breaker ({@link Guardrails} keeps
 * its state) and, when it opens, records that and tells people through a {@code notify} remediation.
 */
final class BreakerAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(BreakerAlarm.class);
    /** The actor of the breaker's own notification. */
    private static final String ACTOR = "breaker";

    /** The breaker of a target just opened. */
    record Opened(Target target, Instant until, String why) {
    }

    private final Guardrails guardrails;
    private final AuditTrail audit;
    private final ActionRunner runner;
    private final int failures;

    BreakerAlarm(Guardrails guardrails, AuditTrail audit, ActionRunner runner, int failures) {
        this.guardrails = guardrails;
        this.audit = audit;
        this.runner = runner;
        this.failures = failures;
    }

    /** Under the lock: counts a failed or ineffective action; when that opens the breaker, records it. */
    Optional<Opened> countFailure(Target target, Instant now, String why) {
        if (!guardrails.recordFailure(target.name(), now)) {
            return Optional.empty();
        }
        Instant until = guardrails.breakerOpenUntil(target.name(), now).orElse(now);
        audit.recordBreakerOpened(now, target, "automatic actions on " + target.name() + " stop until " + until
                + " after " + failures + " failed or ineffective actions; last: " + why);
        return Optional.of(new Opened(target, until, why));
    }

    /** The breaker's own notification is not held back by the notify cooldown: it is why the breaker exists. */
    static boolean isNotice(RemediationEntry e, String actor) {
        return e.trigger() == Trigger.RULE && ACTOR.equals(actor) && e.action() instanceof RemediationAction.Notify;
    }

    /** Outside the lock: tells people, through notify (submitted by {@code submit}), that a breaker opened. */
    void tell(Opened b, Consumer<Submission> submit) {
        Target target = b.target();
        if (runner.unsupported(new RemediationAction.Notify("x", "x"), target).isPresent()) {
            LOG.warn("circuit breaker opened for {} (no aws.sns_topic_arn to notify): {}", target.name(), b.why());
            return;
        }
        RemediationRequest note = RemediationRequest.notify(target.name(), "Smart Cloud Ops: remediation stopped on "
                + cutSubject(target.name()), "The circuit breaker stopped automatic remediation on " + target.name()
                + " until " + b.until() + " after " + failures + " failed or ineffective actions.\nLast: "
                + b.why() + "\nA person should look at this host.", false, "circuit breaker opened");
        try {
            submit.accept(Submission.automatic(note, ACTOR));
        } catch (RemediationException ex) {
            LOG.warn("breaker notification for {} not sent: {}", target.name(), ex.getMessage());
        }
    }

    private static String cutSubject(String s) {
        String ascii = s.replaceAll("[^\\x20-\\x7e]", "?");
        return TextCut.head(ascii, 50);
    }
}
