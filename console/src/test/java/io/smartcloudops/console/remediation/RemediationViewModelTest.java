package io.smartcloudops.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.ApiError;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Remediation screen's rules, on the api's types (no strings for actions, states or triggers). */
class RemediationViewModelTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private static final List<PlanStep> PLAN = List.of(new PlanStep("aws", "raise the desired capacity",
            List.of("autoscaling", "SetDesiredCapacity", "asg-web", "3")));

    /** Records calls and lets the test answer them. */
    private static final class FakeBackend implements RemediationViewModel.Backend {
        final List<String> calls = new ArrayList<>();
        RemediationOptions options;
        Consumer<RemediationPreview> previewOk;
        Consumer<Remediation> pendingOk;
        Consumer<AgentApiException> pendingError;

        @Override
        public void options(Consumer<RemediationOptions> ok, Consumer<AgentApiException> error) {
            calls.add("options");
            ok.accept(options);
        }

        @Override
        public void preview(RemediationRequest r, Consumer<RemediationPreview> ok, Consumer<AgentApiException> error) {
            calls.add("preview " + r.action() + " " + r.target());
            previewOk = ok;
            pendingError = error;
        }

        @Override
        public void run(RemediationRequest r, String key, Consumer<Remediation> ok, Consumer<AgentApiException> error) {
            calls.add("run " + r.action() + " " + r.target() + " key=" + key);
            pendingOk = ok;
            pendingError = error;
        }

        @Override
        public void recent(Consumer<List<Remediation>> ok, Consumer<AgentApiException> error) {
            calls.add("recent");
        }

        @Override
        public void decide(String id, boolean approve, Consumer<Remediation> ok, Consumer<AgentApiException> error) {
            calls.add((approve ? "approve " : "reject ") + id);
            pendingOk = ok;
        }
    }

    private final FakeBackend backend = new FakeBackend();
    private final AtomicInteger keys = new AtomicInteger();
    private final MutableClock clock = new MutableClock(NOW);
    private RemediationViewModel vm;

    private static Remediation item(String id, ActionType action, String target, RemediationState state, boolean dryRun) {
        return Remediation.builder(id, action, target, state, Trigger.OPERATOR, NOW).actor("operator").dryRun(dryRun)
                .plan(PLAN).build();
    }

    private static RemediationPreview preview(boolean dryRun) {
        return new RemediationPreview("scale_up", "web-1", "i-1", Map.of(), PLAN, dryRun);
    }

    private static TargetOptions target(String name, String group, List<ActionType> actions, List<Cooldown> cooldowns) {
        return new TargetOptions(name, "", group, Map.of(), false, actions, cooldowns, 0, false, null);
    }

    private static RemediationOptions options(boolean enabled, String executor, List<String> units, TargetOptions... targets) {
        return new RemediationOptions(enabled, executor, units, List.of(targets), 6, true, 0);
    }

    private static RemediationRequest scaleUp() {
        return RemediationRequest.scaleUp("web-1", false, "test");
    }

    @BeforeEach
    void setUp() {
        backend.options = options(true, "aws", List.of("nginx"),
                target("web-1", "asg-web", List.of(ActionType.SCALE_UP, ActionType.RESTART_SERVICE),
                        List.of(new Cooldown(ActionType.RESTART_SERVICE, "nginx", NOW.plusSeconds(252), 252))),
                target("db-1", "", List.of(ActionType.RESTART_SERVICE), List.of()));
        vm = new RemediationViewModel(clock, backend, () -> "key-" + keys.incrementAndGet());
        vm.setWhoAmI(new WhoAmI("alice", "operator"));
        vm.setOffered(true);
    }

    @Test
    void buttonsSayWhyTheyAreDisabled() {
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEmpty();
        assertThat(vm.disabledReason("web-1", ActionType.RESTART_SERVICE, "nginx")).isEqualTo("Cooling down: 4m 12s left.");
        clock.set(NOW.plusSeconds(200));
        vm.tick();
        assertThat(vm.disabledReason("web-1", ActionType.RESTART_SERVICE, "nginx")).isEqualTo("Cooling down: 52s left.");
        clock.set(NOW.plusSeconds(253));
        vm.tick();
        assertThat(vm.disabledReason("web-1", ActionType.RESTART_SERVICE, "nginx")).isEmpty();
        assertThat(vm.disabledReason("db-1", ActionType.RESTART_SERVICE, "")).isEqualTo("Pick a unit from the agent's allow-list.");
        assertThat(vm.disabledReason("db-1", ActionType.SCALE_UP, "")).as("says what to configure").isEqualTo(
                "Scaling db-1 up needs its Auto Scaling group: set remediation.targets.db-1.auto_scaling_group in the agent's agent.yaml.");
        assertThat(vm.needsConfiguration("db-1", ActionType.SCALE_UP)).isTrue();
        assertThat(vm.disabledReason("cache-1", ActionType.SCALE_UP, "")).isEqualTo(
                "cache-1 is not a remediation target: list it under remediation.targets in the agent's agent.yaml.");
        vm.setWhoAmI(new WhoAmI("bob", "viewer"));
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).startsWith("Your token is a viewer token");
        vm.setOffered(false);
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).startsWith("The connected agent does not offer remediation yet");
    }

    @Test
    void aViewerClickSendsNothing() {
        vm.setWhoAmI(new WhoAmI("bob", "viewer"));
        vm.request(scaleUp());
        assertThat(backend.calls).doesNotContain("preview scale_up web-1");
        assertThat(vm.notices().getLast().kind()).isEqualTo(RemediationViewModel.Notice.Kind.ERROR);
    }

    @Test
    void clickPreviewsThenConfirmRunsOnceWithTheKeyMadeAtTheClick() {
        vm.request(scaleUp());
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEqualTo("A request is in flight...");
        backend.previewOk.accept(preview(false));
        RemediationViewModel.Confirmation c = vm.confirmationProperty().get();
        assertThat(c.idempotencyKey()).isEqualTo("key-1");
        assertThat(c.realRun()).isTrue();
        assertThat(RemediationText.steps(c.plan())).containsExactly("raise the desired capacity: autoscaling SetDesiredCapacity asg-web 3");
        assertThat(backend.calls).noneMatch(s -> s.startsWith("run"));

        vm.confirm();
        vm.confirm();
        assertThat(backend.calls.stream().filter(s -> s.startsWith("run"))).containsExactly("run scale_up web-1 key=key-1");
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEqualTo("A request is in flight...");
        backend.pendingOk.accept(item("r1", ActionType.SCALE_UP, "web-1", RemediationState.SUCCEEDED, false));
        assertThat(vm.notices().getLast()).isEqualTo(new RemediationViewModel.Notice(RemediationViewModel.Notice.Kind.SUCCESS,
                "scale up on web-1: succeeded"));
        assertThat(vm.recent()).extracting(Remediation::id).containsExactly("r1");
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEmpty();
    }

    @Test
    void aRunThatIsStillGoingReportsItsResultWhenTheEventArrives() {
        vm.request(scaleUp());
        backend.previewOk.accept(preview(false));
        vm.confirm();
        backend.pendingOk.accept(item("r2", ActionType.SCALE_UP, "web-1", RemediationState.RUNNING, false));
        assertThat(vm.notices()).as("one notice while it runs, not a second one repeating it with the plan").containsExactly(
                new RemediationViewModel.Notice(RemediationViewModel.Notice.Kind.INFO, "Running scale up on web-1..."));
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEqualTo("A request is in flight...");
        vm.applyEvent(item("r2", ActionType.SCALE_UP, "web-1", RemediationState.FAILED, false));
        assertThat(vm.notices().getLast()).isEqualTo(new RemediationViewModel.Notice(RemediationViewModel.Notice.Kind.ERROR,
                "scale up on web-1: failed"));
        assertThat(vm.disabledReason("web-1", ActionType.SCALE_UP, "")).isEmpty();
        vm.applyEvent(item("r2", ActionType.SCALE_UP, "web-1", RemediationState.FAILED, false));
        assertThat(vm.notices().stream().filter(n -> n.text().equals("scale up on web-1: failed"))).hasSize(1);
    }

    @Test
    void cancelRunsNothingAndARefusalIsShownWithTheAgentsWords() {
        vm.request(scaleUp());
        backend.previewOk.accept(preview(false));
        vm.cancel();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(backend.calls).noneMatch(s -> s.startsWith("run"));
        assertThat(vm.notices().getLast().text()).isEqualTo("Cancelled: scale up on web-1 did not run.");

        vm.request(scaleUp());
        backend.previewOk.accept(preview(false));
        vm.confirm();
        backend.pendingError.accept(new AgentApiException(409, new ApiError("cooldown", "scale_up on web-1 may run again in 5m")));
        assertThat(vm.notices().getLast().text()).isEqualTo("scale up on web-1 did not run: cooldown: scale_up on web-1 may run again in 5m");
    }

    @Test
    void pendingApprovalsComeAndGoWithEvents() {
        vm.applyEvent(item("p1", ActionType.RESTART_SERVICE, "web-1", RemediationState.PENDING, false));
        assertThat(vm.pending()).extracting(Remediation::id).containsExactly("p1");
        vm.review(vm.pending().getFirst(), true);
        assertThat(backend.calls).as("nothing sent before the confirmation").doesNotContain("approve p1");
        assertThat(vm.confirmationProperty().get().decision()).isEqualTo(RemediationViewModel.Decision.APPROVE);
        vm.confirm();
        assertThat(backend.calls).contains("approve p1");
        backend.pendingOk.accept(item("p1", ActionType.RESTART_SERVICE, "web-1", RemediationState.SUCCEEDED, false));
        assertThat(vm.pending()).isEmpty();
        assertThat(vm.recent()).extracting(Remediation::state).containsExactly(RemediationState.SUCCEEDED);
        assertThat(vm.stateOf("p1")).isEqualTo(RemediationState.SUCCEEDED);
        assertThat(RemediationViewModel.formatLeft(Duration.ofMinutes(61))).isEqualTo("1h 01m");
    }

    @Test
    void rejectShowsTheProposalFirstAndCancelSendsNothing() {
        vm.applyEvent(item("p2", ActionType.RESTART_SERVICE, "web-1", RemediationState.PENDING, false));
        vm.review(vm.pending().getFirst(), false);
        RemediationViewModel.Confirmation c = vm.confirmationProperty().get();
        assertThat(c.decision()).isEqualTo(RemediationViewModel.Decision.REJECT);
        assertThat(c.proposal()).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("p2"));
        vm.cancel();
        assertThat(backend.calls).noneMatch(x -> x.startsWith("reject") || x.startsWith("approve"));
        assertThat(vm.notices().getLast().text()).isEqualTo("Cancelled: restart service on web-1 still waits for approval.");
        assertThat(vm.pending()).extracting(Remediation::id).containsExactly("p2");

        vm.review(vm.pending().getFirst(), false);
        vm.confirm();
        assertThat(backend.calls).filteredOn(x -> x.startsWith("reject") || x.startsWith("approve")).containsExactly("reject p2");
    }

    @Test
    void withNothingAllowListedRestartSaysWhatToConfigure() {
        backend.options = options(false, "local", List.of(), target("laptop", "", List.of(ActionType.RESTART_SERVICE), List.of()));
        vm.setConfigWhere("/home/me/.config/smartcloudops/agent.yaml");
        vm.refresh();
        assertThat(vm.disabledReason("laptop", ActionType.RESTART_SERVICE, "")).isEqualTo("No service is allow-listed to restart: add"
                + " remediation.allowed_units (e.g. [nginx]) in /home/me/.config/smartcloudops/agent.yaml; actions stay dry"
                + " runs until remediation.enabled: true.");
        assertThat(vm.needsConfiguration("laptop", ActionType.RESTART_SERVICE)).isTrue();
        assertThat(vm.needsConfiguration("laptop", ActionType.SCALE_UP)).isTrue();
    }

    @Test
    void aDryRunIsCalledADryRunFromTheClickToTheResult() {
        vm.request(scaleUp());
        backend.previewOk.accept(preview(true));
        assertThat(vm.confirmationProperty().get().realRun()).isFalse();
        vm.confirm();
        assertThat(vm.notices().getLast().text()).isEqualTo("Recording a dry run of scale up on web-1 (nothing runs)...");
        backend.pendingOk.accept(item("d1", ActionType.SCALE_UP, "web-1", RemediationState.PLANNED, true));
        assertThat(vm.notices().getLast().text()).isEqualTo("scale up on web-1: dry run (nothing ran)");
        assertThat(vm.recent()).as("one click, one row").extracting(Remediation::id).containsExactly("d1");
        assertThat(RemediationText.state(vm.recent().getFirst())).isEqualTo("dry run (nothing ran)");
    }
}
