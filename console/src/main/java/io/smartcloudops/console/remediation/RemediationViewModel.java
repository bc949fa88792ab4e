package io.smartcloudops.console.remediation;

import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.console.remediation.RemediationModels.Cooldown;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import io.smartcloudops.console.remediation.RemediationModels.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Remediation screen: per target, {@code Restart service...} and {@code Scale up...}; a click asks
 * the agent for a dry-run preview, the confirm dialog shows exactly what will run, and only a
 * confirmation runs it — with the idempotency key made at the click, so a retry never runs twice.
 * Buttons say why they are disabled: agent without remediation, viewer token, action not configured
 * for the target, a request in flight, a cooldown (with the time left).
 */
public final class RemediationViewModel {

    /** Talks to the agent; answers arrive on the UI thread. */
    public interface Backend {
        void options(Consumer<Options> ok, Consumer<AgentApiException> error);

        void preview(Request request, Consumer<Item> ok, Consumer<AgentApiException> error);

        void run(Request request, String idempotencyKey, Consumer<Item> ok, Consumer<AgentApiException> error);

        void recent(Consumer<List<Item>> ok, Consumer<AgentApiException> error);

        void decide(String id, boolean approve, Consumer<Item> ok, Consumer<AgentApiException> error);
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
     * @param request        what was asked
     * @param preview        the plan: the agent's preview, or the pending remediation
     * @param idempotencyKey made at the click; sent with the run (empty for approvals)
     * @param realRun        false when confirming only records a dry run (remediation disabled, or a dry-run proposal)
     * @param decision       what confirming does
     */
    public record Confirmation(Request request, Item preview, String idempotencyKey, boolean realRun, Decision decision) {

        /** Whether confirming decides on a pending remediation rather than starting one. */
        public boolean approval() {
            return decision != Decision.RUN;
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
    private final BooleanProperty offered = new SimpleBooleanProperty(this, "offered");
    private final StringProperty role = new SimpleStringProperty(this, "role", "unknown");
    private final ObjectProperty<Options> options = new SimpleObjectProperty<>(this, "options");
    private final ObservableList<Item> pending = FXCollections.observableArrayList();
    private final ObservableList<Item> recent = FXCollections.observableArrayList();
    private final ObservableSet<String> inFlight = FXCollections.observableSet();
    private final ObjectProperty<Instant> now;
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "confirmation");
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    /** Remediations this console started that have not finished yet, with their in-flight key. */
    private final java.util.Map<String, String> awaiting = new java.util.HashMap<>();

    public RemediationViewModel(Clock clock, Backend backend, Supplier<String> keys) {
        this.clock = clock;
        this.backend = backend;
        this.keys = keys;
        this.now = new SimpleObjectProperty<>(this, "now", clock.instant());
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

    void applyRecent(List<Item> items) {
        recent.setAll(items);
        pending.setAll(items.stream().filter(Item::pending).toList());
    }

    /** A remediation changed state (SSE {@code action}); one this console started reports its result. */
    public void applyEvent(Item item) {
        replaceOrAdd(recent, item, true);
        pending.removeIf(p -> p.id().equals(item.id()));
        if (item.pending()) {
            pending.addFirst(item);
        }
        if (terminal(item) && awaiting.containsKey(item.id())) {
            inFlight.remove(awaiting.remove(item.id()));
            notice(item.succeeded() ? Notice.Kind.SUCCESS : Notice.Kind.ERROR, outcome(item));
            refresh();
        }
    }

    static boolean terminal(Item i) {
        return !"pending".equals(i.state()) && !"running".equals(i.state());
    }

    private static void replaceOrAdd(ObservableList<Item> list, Item item, boolean first) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(item.id())) {
                list.set(i, item);
                return;
            }
        }
        if (first) {
            list.addFirst(item);
        } else {
            list.add(item);
        }
        if (list.size() > MAX_RECENT) {
            list.remove(MAX_RECENT, list.size());
        }
    }

    /** Why a button cannot be used now; empty when it can. */
    public String disabledReason(String target, String action, String unit) {
        if (!offered.get()) {
            return "The connected agent does not offer remediation yet (no /remediations route).";
        }
        if ("viewer".equals(role.get())) {
            return "Your token is a viewer token: remediation needs an operator token (Settings, Ctrl+,).";
        }
        Options o = options.get();
        if (o == null) {
            return "Loading what this agent allows...";
        }
        Optional<Target> t = o.targets().stream().filter(x -> x.name().equals(target)).findFirst();
        if (t.isEmpty()) {
            return "The agent has no remediation target named " + target + ".";
        }
        if (!t.get().actions().contains(action)) {
            return action.replace('_', ' ') + " is not configured for " + target
                    + (RemediationModels.SCALE_UP.equals(action) ? " (no Auto Scaling group)." : ".");
        }
        if (inFlight.contains(key(target, action))) {
            return "A request is in flight...";
        }
        if (RemediationModels.RESTART_SERVICE.equals(action) && unit.isEmpty()) {
            return "Pick a unit from the agent's allow-list.";
        }
        Optional<Duration> left = cooldownLeft(t.get(), action, unit);
        if (left.isPresent()) {
            return "Cooling down: " + formatLeft(left.get()) + " left.";
        }
        return "";
    }

    Optional<Duration> cooldownLeft(Target t, String action, String unit) {
        Instant at = now.get();
        return t.cooldowns().stream()
                .filter(c -> c.action().equals(action) && (c.unit().isEmpty() || c.unit().equals(unit)))
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

    private static String key(String target, String action) {
        return target + "|" + action;
    }

    /** A button press: asks for the dry-run preview; the confirmation follows when it arrives. */
    public void request(Request r) {
        String why = disabledReason(r.target(), r.action(), r.unit());
        if (!why.isEmpty()) {
            notice(Notice.Kind.ERROR, why);
            return;
        }
        String idempotencyKey = keys.get();
        String k = key(r.target(), r.action());
        inFlight.add(k);
        backend.preview(r, preview -> {
            inFlight.remove(k);
            confirmation.set(new Confirmation(r, preview, idempotencyKey, options.get() != null && options.get().enabled(),
                    Decision.RUN));
        }, e -> {
            inFlight.remove(k);
            notice(Notice.Kind.ERROR, "The agent refused the preview of " + describe(r) + ": " + message(e));
            refresh();
        });
    }

    /**
     * A pending remediation (the chat's proposal) goes through the same confirm dialog; confirming approves it.
     */
    public void review(Item proposal) {
        review(proposal, true);
    }

    /**
     * Approve or Reject on a pending remediation: the confirm dialog shows its plan first; only
     * confirming sends the decision.
     */
    public void review(Item proposal, boolean approve) {
        if ("viewer".equals(role.get())) {
            notice(Notice.Kind.ERROR, "Your token is a viewer token: " + (approve ? "approving" : "rejecting")
                    + " needs an operator token.");
            return;
        }
        if (!offered.get()) {
            notice(Notice.Kind.ERROR, "The connected agent does not offer remediation yet (no /remediations route).");
            return;
        }
        confirmation.set(new Confirmation(new Request(proposal.action(), proposal.target(), proposal.unit(),
                approve ? "approved in the console" : "rejected in the console"),
                proposal, "", !proposal.dryRun(), approve ? Decision.APPROVE : Decision.REJECT));
    }

    /** The operator confirmed: runs it (once, whatever happens to the network), or approves the proposal. */
    public void confirm() {
        Confirmation c = confirmation.get();
        if (c == null) {
            return;
        }
        confirmation.set(null);
        if (c.approval()) {
            decide(c.preview(), c.decision() == Decision.APPROVE);
            return;
        }
        String k = key(c.request().target(), c.request().action());
        inFlight.add(k);
        notice(Notice.Kind.INFO, "Running " + describe(c.request()) + "...");
        backend.run(c.request(), c.idempotencyKey(), answer -> {
            // The run may still be going: its result then arrives as an event (maybe before this answer).
            Item latest = recent.stream().filter(r -> r.id().equals(answer.id()) && terminal(r)).findFirst().orElse(answer);
            if (terminal(latest)) {
                inFlight.remove(k);
                replaceOrAdd(recent, latest, true);
                notice(latest.succeeded() ? Notice.Kind.SUCCESS : Notice.Kind.ERROR, outcome(latest));
                refresh();
            } else {
                awaiting.put(latest.id(), k);
                applyEvent(latest);
                notice(Notice.Kind.INFO, outcome(latest));
            }
        }, e -> {
            inFlight.remove(k);
            notice(Notice.Kind.ERROR, describe(c.request()) + " did not run: " + message(e));
            refresh();
        });
    }

    /** The operator cancelled the confirm dialog: nothing runs. */
    public void cancel() {
        Confirmation c = confirmation.get();
        confirmation.set(null);
        if (c != null) {
            notice(Notice.Kind.INFO, switch (c.decision()) {
                case RUN -> "Cancelled: " + describe(c.request()) + " did not run.";
                case APPROVE, REJECT -> "Cancelled: " + describe(c.request()) + " still waits for approval.";
            });
        }
    }

    /** Approves or rejects a pending remediation (operator only); the confirm dialog calls it. */
    void decide(Item item, boolean approve) {
        if ("viewer".equals(role.get())) {
            notice(Notice.Kind.ERROR, "Your token is a viewer token: approving needs an operator token.");
            return;
        }
        if (!inFlight.add(item.id())) {
            return;
        }
        backend.decide(item.id(), approve, result -> {
            inFlight.remove(item.id());
            applyEvent(result);
            notice(approve ? (result.succeeded() ? Notice.Kind.SUCCESS : Notice.Kind.ERROR) : Notice.Kind.INFO,
                    (approve ? "Approved: " : "Rejected: ") + outcome(result));
            refresh();
        }, e -> {
            inFlight.remove(item.id());
            notice(Notice.Kind.ERROR, "Could not " + (approve ? "approve" : "reject") + ": " + message(e));
            refresh();
        });
    }

    public static String describe(Request r) {
        return r.action().replace('_', ' ') + (r.unit().isEmpty() ? "" : " " + r.unit()) + " on " + r.target();
    }

    static String outcome(Item i) {
        String what = i.action().replace('_', ' ') + (i.unit().isEmpty() ? "" : " " + i.unit()) + " on " + i.target();
        String state = i.dryRun() && !"pending".equals(i.state()) ? i.state() + " (dry run: nothing ran)" : i.state();
        return what + ": " + state + (i.detail().isEmpty() ? "" : ". " + i.detail());
    }

    private static String message(AgentApiException e) {
        return e.error().detail() == null || e.error().detail().isBlank() ? e.getMessage()
                : e.error().error() + ": " + e.error().detail();
    }

    private void notice(Notice.Kind kind, String text) {
        notices.add(new Notice(kind, text));
    }

    public BooleanProperty offeredProperty() {
        return offered;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public ObjectProperty<Options> optionsProperty() {
        return options;
    }

    public ObservableList<Item> pending() {
        return pending;
    }

    public ObservableList<Item> recent() {
        return recent;
    }

    public ObservableSet<String> inFlight() {
        return inFlight;
    }

    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ObservableList<Notice> notices() {
        return notices;
    }
}
