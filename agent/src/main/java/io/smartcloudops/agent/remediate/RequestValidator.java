package io.smartcloudops.agent.remediate;

import io.smartcloudops.agent.config.RemediationConfig;
import io.smartcloudops.agent.http.UntrustedText;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.RemediationRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns a {@link RemediationRequest} into a {@link ValidRequest}, or refuses it naming the field. Every
 * path (button, rule, chat, CLI) goes through here, so a unit name reaches a process or an AWS call only
 * after it matched the safe pattern, the configured pattern and the allow-list.
 */
public final class RequestValidator {

    /** The floor no configuration can lower: no shell, path or option characters. */
    private static final Pattern SAFE_UNIT = Pattern.compile("[A-Za-z0-9@][A-Za-z0-9@._:-]{0,255}");
    static final int MAX_UNIT = 256;
    static final int MAX_REASON = 500;
    static final int MAX_MESSAGE = 4000;
    static final int MAX_SUBJECT = 100;
    private static final int MAX_TARGET = 253;

    /** A request that passed every check. */
    public record ValidRequest(RemediationAction action, Target target, boolean dryRun, String reason) {
    }

    private final Pattern unitPattern;
    private final List<String> allowedUnits;
    private final Targets targets;
    private final ActionRunner runner;
    private final BiFunction<RemediationAction, String, Optional<String>> groupRestart;

    /**
     * @param runner       says which actions this agent can run on which target (e.g. no SNS topic, no notify)
     * @param groupRestart why a rolling restart of a group ({@code restart_service} on it) cannot run at all, if it cannot
     */
    public RequestValidator(RemediationConfig config, Targets targets, ActionRunner runner,
                     BiFunction<RemediationAction, String, Optional<String>> groupRestart) {
        this.groupRestart = groupRestart;
        this.unitPattern = Pattern.compile(config.unitPattern());
        this.allowedUnits = List.copyOf(config.allowedUnits() == null ? List.of() : config.allowedUnits());
        this.targets = targets;
        this.runner = runner;
    }

    public List<String> allowedUnits() {
        return allowedUnits;
    }

    public ValidRequest validate(RemediationRequest request) {
        if (request == null) {
            throw new RemediationException.Invalid("body", "a JSON object {action, target, params, dry_run, reason} is required");
        }
        ActionType type = ActionType.fromKey(required("action", request.action())).orElseThrow(() ->
                new RemediationException.Invalid("action", "unknown action '" + UntrustedText.printable(request.action())
                        + "' (expected " + ActionType.keys() + ")"));
        String targetName = required("target", request.target());
        if (targetName.length() > MAX_TARGET || targetName.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '/')) {
            throw new RemediationException.Invalid("target", "'" + UntrustedText.printable(targetName) + "' is not a host name");
        }
        RemediationAction action = action(type, request.params());
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw new RemediationException.Invalid("reason", "longer than " + MAX_REASON + " characters");
        }
        if (reason.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new RemediationException.Invalid("reason", "contains control characters");
        }
        boolean notify = action instanceof RemediationAction.Notify;
        Target target = targets.find(targetName).or(() -> notify ? targets.watched(targetName) : Optional.empty())
                .orElseThrow(() -> new RemediationException.NotFound("target '" + UntrustedText.printable(targetName)
                        + (notify ? "' is neither a remediation target nor a host the agent watches (targets: "
                        : "' is not a remediation target (known: ") + targets.names() + ")"));
        Optional<String> unsupported = targets.isGroup(target.name()) && action instanceof RemediationAction.RestartService
                ? groupRestart.apply(action, target.name()) : runner.unsupported(action, target);
        unsupported.ifPresent(why -> {
            throw new RemediationException.Invalid(notify ? "action" : "target", why);
        });
        return new ValidRequest(action, target, request.dryRun(), reason);
    }

    /**
     * Checks an action and its parameters as a request would be checked (rules at load time).
     *
     * @throws IllegalArgumentException {@code "params.unit: ..."}, naming the field first
     */
    public void checkAction(String action, Map<String, String> params) {
        RemediationAction a;
        try {
            a = action(action, params);
        } catch (RemediationException.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (a instanceof RemediationAction.Notify n && n.channel() != null) {
            runner.unsupported(n, null).ifPresent(why -> {
                throw new IllegalArgumentException("params.channel: " + why);
            });
        }
    }

    /** Checks an action and its parameters alone (rules at load time); fields named {@code action}, {@code params.X}. */
    public RemediationAction action(String action, Map<String, String> params) {
        ActionType type = ActionType.fromKey(required("action", action)).orElseThrow(() ->
                new RemediationException.Invalid("action", "unknown action '" + UntrustedText.printable(action)
                        + "' (expected " + ActionType.keys() + ")"));
        return action(type, params == null ? Map.of() : params);
    }

    private RemediationAction action(ActionType type, Map<String, String> params) {
        return switch (type) {
            case RESTART_SERVICE -> new RemediationAction.RestartService(unit(params));
            case SCALE_UP -> {
                onlyParams(type, params, Set.of());
                yield new RemediationAction.ScaleUp();
            }
            case SCALE_IN -> {
                onlyParams(type, params, Set.of("to", "expected"));
                yield new RemediationAction.ScaleIn(capacity(params, "to"), capacity(params, "expected"));
            }
            case NOTIFY -> notifyAction(params);
        };
    }

    private static Integer capacity(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || n > 10_000) {
                throw new RemediationException.Invalid("params." + name, "must be a capacity between 0 and 10000");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new RemediationException.Invalid("params." + name, "'" + UntrustedText.printable(v) + "' is not a whole number");
        }
    }

    private String unit(Map<String, String> params) {
        onlyParams(ActionType.RESTART_SERVICE, params, Set.of("unit"));
        String unit = params.get("unit");
        if (unit == null || unit.isBlank()) {
            throw new RemediationException.Invalid("params.unit", "is required (allowed: " + allowedList() + ")");
        }
        if (unit.length() > MAX_UNIT) {
            throw new RemediationException.Invalid("params.unit", "longer than " + MAX_UNIT + " characters");
        }
        if (!SAFE_UNIT.matcher(unit).matches() || !unitPattern.matcher(unit).matches()) {
            throw new RemediationException.Invalid("params.unit", "'" + UntrustedText.printable(unit)
                    + "' is not a valid unit name (must match " + unitPattern.pattern() + "; no spaces, shell or path characters)");
        }
        if (!allowedUnits.contains(unit)) {
            throw new RemediationException.Invalid("params.unit", "'" + unit + "' is not on remediation.allowed_units (allowed: "
                    + allowedList() + ")");
        }
        return unit;
    }

    private String allowedList() {
        return allowedUnits.isEmpty() ? "none configured" : String.join(", ", allowedUnits);
    }

    private static RemediationAction notifyAction(Map<String, String> params) {
        onlyParams(ActionType.NOTIFY, params, Set.of("message", "subject", "channel"));
        String channel = params.get("channel");
        if (channel != null && !channel.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new RemediationException.Invalid("params.channel", "must name a channel of notify.channels "
                    + "(letters, digits, _ and -)");
        }
        String message = params.get("message");
        if (message == null || message.isBlank()) {
            throw new RemediationException.Invalid("params.message", "is required for notify");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new RemediationException.Invalid("params.message", "longer than " + MAX_MESSAGE + " characters");
        }
        String subject = params.get("subject");
        if (subject == null || subject.isBlank()) {
            subject = "Smart Cloud Ops notification";
        }
        if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new RemediationException.Invalid("params.subject", "must be at most " + MAX_SUBJECT
                    + " printable ASCII characters on one line (an SNS rule)");
        }
        return new RemediationAction.Notify(subject.strip(), message.strip(), channel);
    }

    private static void onlyParams(ActionType type, Map<String, String> params, Set<String> accepted) {
        for (String k : params.keySet()) {
            if (!accepted.contains(k)) {
                throw new RemediationException.Invalid("params." + UntrustedText.printable(k), "unknown parameter for " + type.key()
                        + (accepted.isEmpty() ? " (it takes none)" : " (accepted: " + String.join(", ", new TreeSet<>(accepted)) + ")"));
            }
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RemediationException.Invalid(field, "is required");
        }
        return value.strip();
    }
}
