package io.smartcloudops.console.remediation;

import io.smartcloudops.api.auth.WhoAmI;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.remediation.Cooldown;
import io.smartcloudops.api.remediation.PlanStep;
import io.smartcloudops.api.remediation.Remediation;
import io.smartcloudops.api.remediation.RemediationOptions;
import io.smartcloudops.api.remediation.RemediationPreview;
import io.smartcloudops.api.remediation.RemediationRequest;
import io.smartcloudops.api.remediation.RemediationState;
import io.smartcloudops.api.remediation.TargetOptions;
import io.smartcloudops.api.remediation.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Remediation screen, on the api's own types ({@link RemediationOptions}, {@link Remediation},
 * {@link ActionType}, {@link RemediationState}): per target, {@code Restart service...} and
 * {@code Scale up...}; a click asks the agent for a preview, the confirm dialog shows exactly what will run,
 * and only a confirmation runs it — with the idempotency key made at the click, so a retry never runs twice.
 * Buttons say why they are disabled: agent without remediation, viewer token, action not configured for
 * the target (with what to configure), a request in flight, a cooldown (with the time left).
 *
 * <p>Why this class is long (about 480 lines): every button of the screen, of the anomaly detail and of the chat
 * asks it why it is disabled, and the answer needs all of its state at once (options, role, requests in flight,
 * cooldowns, pending approvals); the words are {@link RemediationText}'s, the dialogs {@link RemediationDialogs}'.
 */
public final class RemediationViewModel {

    /** Talks to the agent; answers arrive on the UI thread. */
    public interface Backend {
        void options(Consumer<RemediationOptions> ok, Consumer<AgentApiException> error);

        void preview(RemediationRequest request, Consumer<RemediationPreview> ok, Consumer<AgentApiException> error);

        void run(RemediationRequest request, String idempotencyKey, Consumer<Remediation> ok, Consumer<AgentApiException> error);

        void recent(Consumer<List<Remediation>> ok, Consumer<AgentApiException> error);

        void decide(String id, boolean approve, Consumer<Remediation> ok, Consumer<AgentApiException> error);
    }

    /** What confirming does. */
    public enum Decision {
        /** Runs the request (a dry run when remediation is disabled on the agent). */
        RUN,
        /** Approves a pending remediation (proposed by a rule or the chat): it runs. */
        APPROVE,
        /** Rejects a pending remediation: nothing runs. */
        REJECT
    }

    /**
     * What waits for the operator's decision in the confirm dialog, with exactly what would run.
     *
     * @param request        what would run
     * @param plan           its steps: the agent's preview, or the pending remediation's plan
     * @param detail         the pending remediation's detail (empty for a preview)
     * @param proposal       the pending remediation decided on (empty for a run)
     * @param idempotencyKey made at the click; sent with the run (empty for approvals)
     * @param realRun        false when confirming only records a dry run (remediation disabled, or a dry-run proposal)
     * @param decision       what confirming does
     */
    public record Confirmation(RemediationRequest request, List<PlanStep> plan, String detail, Optional<Remediation> proposal,
                               String idempotencyKey, boolean realRun, Decision decision) {

        /** Whether confirming decides on a pending remediation rather than starting one. */
        public boolean approval() {
            return decision != Decision.RUN;
        }

        /** Who proposed the remediation decided on. */
        public Trigger proposedBy() {
            return proposal.map(Remediation::trigger).orElse(Trigger.OPERATOR);
        }
    }

    /** A notification for the operator. */
    public record Notice(Kind kind, String text) {
        /** How it looks. */
        public enum Kind { INFO, SUCCESS, ERROR }
    }

    /** Remediations the Recent table keeps: as many as it loads from the agent; events push the oldest out. */
    public static final int MAX_RECENT = 50;

    private final Clock clock;
    private final Backend backend;
    private final Supplier<String> keys;
    /** Where this agent's remediation is configured, for the "what to configure" reasons. */
    private String configWhere = "the agent's agent.yaml";
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered");
    private final ReadOnlyObjectWrapper<WhoAmI> whoAmI = new ReadOnlyObjectWrapper<>(this, "whoAmI");
    private final ReadOnlyBooleanWrapper viewerOnly = new ReadOnlyBooleanWrapper(this, "viewerOnly");
    private final ReadOnlyObjectWrapper<RemediationOptions> options = new ReadOnlyObjectWrapper<>(this, "options");
    private final ObservableList<Remediation> pending = FXCollections.observableArrayList();
    private final ObservableList<Remediation> recent = FXCollections.observableArrayList();
    private final ObservableSet<String> inFlight = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "confirmation");
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    // read-only views made once: a wrapper holds its backing list weakly, so one made per call could be
    // collected with the listeners added to it
    private final ObservableList<Remediation> pendingView = FXCollections.unmodifiableObservableList(pending);
    private final ObservableList<Remediation> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObservableSet<String> inFlightView = FXCollections.unmodifiableObservableSet(inFlight);
    private final ObservableList<Notice> noticesView = FXCollections.unmodifiableObservableList(notices);
    /** Remediations this console started that have not finished yet, with their in-flight key. */
    private final Map<String, String> awaiting = new HashMap<>();

    public RemediationViewModel(Clock clock, Backend backend, Supplier<String> keys) {
        this.clock = clock;
        this.backend = backend;
        this.keys = keys;
        this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
        viewerOnly.bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> whoAmI.get() != null && whoAmI.get().isViewer(), whoAmI));
    }

    /** Where the connected agent reads its configuration (the embedded agent's file, or a remote agent's). */
    public void setConfigWhere(String where) {
        this.configWhere = where;
    }

    /** Whether the agent offers {@code /remediations}; turning it on loads options and remediations. */
    public void setOffered(boolean on) {
        offered.set(on);
        refresh();
    }

    /** The token the console uses, as the agent sees it (null: not known yet). */
    public void setWhoAmI(WhoAmI who) {
        whoAmI.set(who);
    }

    /** Reloads options (targets, cooldowns) and the recent and pending remediations. */
    public void refresh() {
        if (!offered.get()) {
            return;
        }
        backend.options(options::set, e -> notice(Notice.Kind.ERROR, "Could not load remediation options: " + e.getMessage()));
        backend.recent(this::applyRecent, e -> { });
    }

    /** Called every second by the view, so cooldowns count down. */
    public void tick() {
        now.set(clock.instant());
    }

    void applyRecent(List<Remediation> items) {
        recent.setAll(items.stream().limit(MAX_RECENT).toList());
        pending.setAll(items.stream().filter(r -> r.state() == RemediationState.PENDING).toList());
    }

    /** A remediation changed state (SSE {@code action}); one this console started reports its result. */
    public void applyEvent(Remediation r) {
        replaceOrAdd(r);
        pending.removeIf(p -> p.id().equals(r.id()));
        if (r.state() == RemediationState.PENDING) {
            pending.addFirst(r);
        }
        if (r.state().terminal() && awaiting.containsKey(r.id())) {
            inFlight.remove(awaiting.remove(r.id()));
            notice(RemediationText.succeeded(r) ? Notice.Kind.SUCCESS : Notice.Kind.ERROR, RemediationText.outcome(r));
            refresh();
        }
    }

    private void replaceOrAdd(Remediation r) {
        for (int i = 0; i < recent.size(); i++) {
            if (recent.get(i).id().equals(r.id())) {
                recent.set(i, r);
                return;
            }
        }
        recent.addFirst(r);
        if (recent.size() > MAX_RECENT) {
            recent.remove(MAX_RECENT, recent.size());
        }
    }

    /**
     * The state of a remediation as this console last heard of it: pending while it waits for an operator
     * (also before the console heard of it at all).
     */
    public RemediationState stateOf(String id) {
        if (pending.stream().anyMatch(p -> p.id().equals(id))) {
            return RemediationState.PENDING;
        }
        return recent.stream().filter(r -> r.id().equals(id)).map(Remediation::state).findFirst().orElse(RemediationState.PENDING);
    }

    /** {@link #stateOf} as a value that follows the pending and recent lists. */
    public ObservableObjectValue<RemediationState> stateBinding(String id) {
        return javafx.beans.binding.Bindings.createObjectBinding(() -> stateOf(id), pending, recent);
    }

    private Optional<TargetOptions> target(String name) {
        RemediationOptions o = options.get();
        return o == null ? Optional.empty() : o.targets().stream().filter(x -> x.name().equals(name)).findFirst();
    }

    /** Why a button cannot be used now; empty when it can. */
    public String disabledReason(String target, ActionType action, String unit) {
        if (!offered.get()) {
            return "The connected agent does not offer remediation yet (no /remediations route).";
        }
        if (viewerOnly.get()) {
            return "Your token is a viewer token: remediation needs an operator token (Settings, Ctrl+,).";
        }
        RemediationOptions o = options.get();
        if (o == null) {
            return "Loading what this agent allows...";
        }
        Optional<TargetOptions> t = target(target);
        if (t.isEmpty()) {
            return target + " is not a remediation target: list it under remediation.targets in " + configWhere + ".";
        }
        if (!t.get().actions().contains(action)) {
            return switch (action) {
                case SCALE_UP -> "Scaling " + target + " up needs its Auto Scaling group: set remediation.targets." + target
                        + ".auto_scaling_group in " + configWhere + ".";
                case SCALE_IN -> "Scaling " + target + " in needs its Auto Scaling group: set remediation.targets." + target
                        + ".auto_scaling_group in " + configWhere + ".";
                case RESTART_SERVICE -> "local".equals(o.executor())
                        ? "The agent restarts services on its own machine only; for " + target
                        + " set remediation.executor: aws (SSM) and the target's instance_id in " + configWhere + "."
                        : "restart service is not configured for " + target + ".";
                case NOTIFY -> "notify is not configured for " + target + ".";
            };
        }
        if (inFlight.contains(key(target, action))) {
            return "A request is in flight...";
        }
        if (action == ActionType.RESTART_SERVICE && o.units().isEmpty()) {
            return "No service is allow-listed to restart: add remediation.allowed_units (e.g. [nginx]) in " + configWhere
                    + (o.enabled() ? "." : "; actions stay dry runs until remediation.enabled: true.");
        }
        if (action == ActionType.RESTART_SERVICE && unit.isEmpty()) {
            return "Pick a unit from the agent's allow-list.";
        }
        Optional<Duration> left = cooldownLeft(t.get(), action, unit);
        if (left.isPresent()) {
            return "Cooling down: " + formatLeft(left.get()) + " left.";
        }
        return "";
    }

    /** Whether {@code action} on {@code target} cannot be tried before the agent's configuration changes. */
    public boolean needsConfiguration(String target, ActionType action) {
        RemediationOptions o = options.get();
        if (o == null) {
            return false;
        }
        Optional<TargetOptions> t = target(target);
        return t.isEmpty() || !t.get().actions().contains(action) || (action == ActionType.RESTART_SERVICE && o.units().isEmpty());
    }

    Optional<Duration> cooldownLeft(TargetOptions t, ActionType action, String unit) {
        Instant at = now.get();
        return t.cooldowns().stream()
                .filter(c -> c.action() == action && (c.unit() == null || c.unit().isEmpty() || c.unit().equals(unit)))
                .map(Cooldown::until)
                .filter(u -> u != null && u.isAfter(at))
                .max(Instant::compareTo)
                .map(u -> Duration.between(at, u));
    }

    /** {@code 4m 05s}, {@code 1h 02m}, {@code 12s}. */
    public static String formatLeft(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static String key(String target, ActionType action) {
        return target + "|" + action.key();
    }

    private static ActionType action(RemediationRequest r) {
        return ActionType.fromKey(r.action()).orElseThrow(() -> new IllegalArgumentException("unknown action " + r.action()));
    }

    private static String unit(RemediationRequest r) {
        return r.params().getOrDefault("unit", "");
    }

    /** A button press: asks for the preview; the confirmation follows when it arrives. */
    public void request(RemediationRequest r) {
        String why = disabledReason(r.target(), action(r), unit(r));
        if (!why.isEmpty()) {
            notice(Notice.Kind.ERROR, why);
            return;
        }
        String idempotencyKey = keys.get();
        String k = key(r.target(), action(r));
        inFlight.add(k);
        backend.preview(r, preview -> {
            inFlight.remove(k);
            confirmation.set(new Confirmation(r, preview.plan(), "", Optional.empty(), idempotencyKey, !preview.dryRun(),
                    Decision.RUN));
        }, e -> {
            inFlight.remove(k);
            notice(Notice.Kind.ERROR, "The agent refused the preview of " + RemediationText.what(r) + ": " + message(e));
            refresh();
        });
    }

    /** A pending remediation (the chat's proposal) goes through the same confirm dialog; confirming approves it. */
    public void review(Remediation proposal) {
        review(proposal, true);
    }

    /**
     * Approve or Reject on a pending remediation: the confirm dialog shows its plan first; only confirming
     * sends the decision.
     */
    public void review(Remediation proposal, boolean approve) {
        if (stateOf(proposal.id()) != RemediationState.PENDING) {
            notice(Notice.Kind.INFO, RemediationText.what(proposal) + " is no longer waiting for approval: "
                    + stateOf(proposal.id()).key() + ".");
            return;
        }
        if (refusedForViewer(approve ? "approving" : "rejecting")) {
            return;
        }
        if (!offered.get()) {
            notice(Notice.Kind.ERROR, "The connected agent does not offer remediation yet (no /remediations route).");
            return;
        }
        RemediationRequest asked = new RemediationRequest(proposal.action().key(), proposal.target(), proposal.params(),
                proposal.dryRun(), approve ? "approved in the console" : "rejected in the console");
        confirmation.set(new Confirmation(asked, proposal.plan(), proposal.detail() == null ? "" : proposal.detail(),
                Optional.of(proposal), "", !proposal.dryRun(), approve ? Decision.APPROVE : Decision.REJECT));
    }

    private boolean refusedForViewer(String doing) {
        if (viewerOnly.get()) {
            notice(Notice.Kind.ERROR, "Your token is a viewer token: " + doing + " needs an operator token.");
            return true;
        }
        return false;
    }

    /** The operator confirmed: runs it (once, whatever happens to the network), or decides on the proposal. */
    public void confirm() {
        Confirmation c = confirmation.get();
        if (c == null) {
            return;
        }
        confirmation.set(null);
        if (c.approval()) {
            decide(c.proposal().orElseThrow(), c.decision() == Decision.APPROVE);
            return;
        }
        String k = key(c.request().target(), action(c.request()));
        inFlight.add(k);
        notice(Notice.Kind.INFO, c.realRun() ? "Running " + RemediationText.what(c.request()) + "..."
                : "Recording a dry run of " + RemediationText.what(c.request()) + " (nothing runs)...");
        backend.run(c.request(), c.idempotencyKey(), answer -> {
            // The run may still be going: its result then arrives as an event (maybe before this answer).
            Remediation latest = recent.stream().filter(r -> r.id().equals(answer.id()) && r.state().terminal())
                    .findFirst().orElse(answer);
            if (latest.state().terminal()) {
                inFlight.remove(k);
                replaceOrAdd(latest);
                notice(RemediationText.succeeded(latest) ? Notice.Kind.SUCCESS : Notice.Kind.ERROR, RemediationText.outcome(latest));
                refresh();
            } else {
                // "Running ..." already says so: a second notice repeated it with the plan just confirmed, whose long
                // words broke mid-word in the navigation column at 1024 px
                awaiting.put(latest.id(), k);
                applyEvent(latest);
            }
        }, e -> {
            inFlight.remove(k);
            notice(Notice.Kind.ERROR, RemediationText.what(c.request()) + " did not run: " + message(e));
            refresh();
        });
    }

    /** The operator cancelled the confirm dialog: nothing runs. */
    public void cancel() {
        Confirmation c = confirmation.get();
        confirmation.set(null);
        if (c != null) {
            notice(Notice.Kind.INFO, switch (c.decision()) {
                case RUN -> "Cancelled: " + RemediationText.what(c.request()) + " did not run.";
                case APPROVE, REJECT -> "Cancelled: " + RemediationText.what(c.request()) + " still waits for approval.";
            });
        }
    }

    /** Approves or rejects a pending remediation (operator only); the confirm dialog calls it. */
    void decide(Remediation item, boolean approve) {
        if (refusedForViewer(approve ? "approving" : "rejecting")) {
            return;
        }
        if (!inFlight.add(item.id())) {
            return;
        }
        backend.decide(item.id(), approve, result -> {
            inFlight.remove(item.id());
            applyEvent(result);
            notice(approve ? (RemediationText.succeeded(result) ? Notice.Kind.SUCCESS : Notice.Kind.ERROR) : Notice.Kind.INFO,
                    (approve ? "Approved: " : "Rejected: ") + RemediationText.outcome(result));
            refresh();
        }, e -> {
            inFlight.remove(item.id());
            notice(Notice.Kind.ERROR, "Could not " + (approve ? "approve" : "reject") + ": " + message(e));
            refresh();
        });
    }

    private static String message(AgentApiException e) {
        return e.error().detail() == null || e.error().detail().isBlank() ? e.getMessage()
                : e.error().error() + ": " + e.error().detail();
    }

    private void notice(Notice.Kind kind, String text) {
        notices.add(new Notice(kind, text));
    }

    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** The token's identity at the agent (null until known). */
    public ReadOnlyObjectProperty<WhoAmI> whoAmIProperty() {
        return whoAmI.getReadOnlyProperty();
    }

    /** True for a viewer token: nothing may be run or decided. */
    public ReadOnlyBooleanProperty viewerOnlyProperty() {
        return viewerOnly.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RemediationOptions> optionsProperty() {
        return options.getReadOnlyProperty();
    }

    public ObservableList<Remediation> pending() {
        return pendingView;
    }

    public ObservableList<Remediation> recent() {
        return recentView;
    }

    public ObservableSet<String> inFlight() {
        return inFlightView;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ObservableList<Notice> notices() {
        return noticesView;
    }
}
