package io.smartcloudops.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.MutableClock;
import io.smartcloudops.api.ApiError;
import io.smartcloudops.api.client.AgentApiException;
import io.smartcloudops.console.remediation.RemediationModels.Cooldown;
import io.smartcloudops.console.remediation.RemediationModels.Item;
import io.smartcloudops.console.remediation.RemediationModels.Options;
import io.smartcloudops.console.remediation.RemediationModels.Request;
import io.smartcloudops.console.remediation.RemediationModels.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemediationViewModelTest {

    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");

    /** Records calls and lets the test answer them. */
    private static final class FakeBackend implements RemediationViewModel.Backend {
        final List<String> calls = new ArrayList<>();
        Options options;
        Consumer<Item> pendingOk;
        Consumer<AgentApiException> pendingError;

        @Override
        public void options(Consumer<Options> ok, Consumer<AgentApiException> error) {
            calls.add("options");
            ok.accept(options);
        }

        @Override
        public void preview(Request r, Consumer<Item> ok, Consumer<AgentApiException> error) {
            calls.add("preview " + r.action() + " " + r.target());
            pendingOk = ok;
            pendingError = error;
        }

        @Override
        public void run(Request r, String key, Consumer<Item> ok, Consumer<AgentApiException> error) {
            calls.add("run " + r.action() + " " + r.target() + " key=" + key);
            pendingOk = ok;
            pendingError = error;
        }

        @Override
        public void recent(Consumer<List<Item>> ok, Consumer<AgentApiException> error) {
            calls.add("recent");
        }

        @Override
        public void decide(String id, boolean approve, Consumer<Item> ok, Consumer<AgentApiException> error) {
            calls.add((approve ? "approve " : "reject ") + id);
            pendingOk = ok;
        }
    }

    private final FakeBackend backend = new FakeBackend();
    private final AtomicInteger keys = new AtomicInteger();
    private final MutableClock clock = new MutableClock(NOW);
    private RemediationViewModel vm;

    private static Item item(String id, String action, String target, String state, boolean dryRun) {
        return new Item(id, action, target, "", state, "", dryRun, List.of("aws autoscaling SetDesiredCapacity asg-web 3"),
                "", "operator", "operator", NOW);
    }

    @BeforeEach
    void setUp() {
        backend.options = new Options(true, "aws", List.of("nginx"), List.of(
                new Target("web-1", "i-1", "asg-web", Set.of("scale_up", "restart_service"),
                        List.of(new Cooldown("restart_service", "nginx", NOW.plusSeconds(252))), 0, false),
                new Target("db-1", "", "", Set.of("restart_service"), List.of(), 0, false)), 0);
        vm = new RemediationViewModel(clock, backend, () -> "key-" + keys.incrementAndGet());
        vm.offeredProperty().set(true);
        vm.roleProperty().set("operator");
        vm.refresh();
    }

    @Test
    void buttonsSayWhyTheyAreDisabled() {
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEmpty();
        assertThat(vm.disabledReason("web-1", "restart_service", "nginx")).isEqualTo("Cooling down: 4m 12s left.");
        clock.set(NOW.plusSeconds(200));
        vm.tick();
        assertThat(vm.disabledReason("web-1", "restart_service", "nginx")).isEqualTo("Cooling down: 52s left.");
        clock.set(NOW.plusSeconds(253));
        vm.tick();
        assertThat(vm.disabledReason("web-1", "restart_service", "nginx")).isEmpty();
        assertThat(vm.disabledReason("db-1", "restart_service", "")).isEqualTo("Pick a unit from the agent's allow-list.");
        assertThat(vm.disabledReason("db-1", "scale_up", "")).isEqualTo("scale up is not configured for db-1 (no Auto Scaling group).");
        vm.roleProperty().set("viewer");
        assertThat(vm.disabledReason("web-1", "scale_up", "")).startsWith("Your token is a viewer token");
        vm.offeredProperty().set(false);
        assertThat(vm.disabledReason("web-1", "scale_up", "")).startsWith("The connected agent does not offer remediation yet");
    }

    @Test
    void aViewerClickSendsNothing() {
        vm.roleProperty().set("viewer");
        vm.request(new Request("scale_up", "web-1", "", "test"));
        assertThat(backend.calls).doesNotContain("preview scale_up web-1");
        assertThat(vm.notices().getLast().kind()).isEqualTo(RemediationViewModel.Notice.Kind.ERROR);
    }

    @Test
    void clickPreviewsThenConfirmRunsOnceWithTheKeyMadeAtTheClick() {
        vm.request(new Request("scale_up", "web-1", "", "test"));
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEqualTo("A request is in flight...");
        backend.pendingOk.accept(item("dry", "scale_up", "web-1", "planned", true));
        RemediationViewModel.Confirmation c = vm.confirmationProperty().get();
        assertThat(c.idempotencyKey()).isEqualTo("key-1");
        assertThat(c.realRun()).isTrue();
        assertThat(c.preview().plan()).containsExactly("aws autoscaling SetDesiredCapacity asg-web 3");
        assertThat(backend.calls).noneMatch(s -> s.startsWith("run"));

        vm.confirm();
        vm.confirm();
        assertThat(backend.calls.stream().filter(s -> s.startsWith("run"))).containsExactly("run scale_up web-1 key=key-1");
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEqualTo("A request is in flight...");
        backend.pendingOk.accept(item("r1", "scale_up", "web-1", "succeeded", false));
        assertThat(vm.notices().getLast()).isEqualTo(new RemediationViewModel.Notice(RemediationViewModel.Notice.Kind.SUCCESS,
                "scale up on web-1: succeeded"));
        assertThat(vm.recent()).extracting(Item::id).containsExactly("r1");
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEmpty();
    }

    @Test
    void aRunThatIsStillGoingReportsItsResultWhenTheEventArrives() {
        vm.request(new Request("scale_up", "web-1", "", "test"));
        backend.pendingOk.accept(item("dry", "scale_up", "web-1", "planned", true));
        vm.confirm();
        backend.pendingOk.accept(item("r2", "scale_up", "web-1", "running", false));
        assertThat(vm.notices().getLast().kind()).isEqualTo(RemediationViewModel.Notice.Kind.INFO);
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEqualTo("A request is in flight...");
        vm.applyEvent(item("r2", "scale_up", "web-1", "failed", false));
        assertThat(vm.notices().getLast()).isEqualTo(new RemediationViewModel.Notice(RemediationViewModel.Notice.Kind.ERROR,
                "scale up on web-1: failed"));
        assertThat(vm.disabledReason("web-1", "scale_up", "")).isEmpty();
        vm.applyEvent(item("r2", "scale_up", "web-1", "failed", false));
        assertThat(vm.notices().stream().filter(n -> n.text().equals("scale up on web-1: failed"))).hasSize(1);
    }

    @Test
    void cancelRunsNothingAndARefusalIsShownWithTheAgentsWords() {
        vm.request(new Request("scale_up", "web-1", "", "test"));
        backend.pendingOk.accept(item("dry", "scale_up", "web-1", "planned", true));
        vm.cancel();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(backend.calls).noneMatch(s -> s.startsWith("run"));
        assertThat(vm.notices().getLast().text()).isEqualTo("Cancelled: scale up on web-1 did not run.");

        vm.request(new Request("scale_up", "web-1", "", "test"));
        backend.pendingOk.accept(item("dry", "scale_up", "web-1", "planned", true));
        vm.confirm();
        backend.pendingError.accept(new AgentApiException(409, new ApiError("cooldown", "scale_up on web-1 may run again in 5m")));
        assertThat(vm.notices().getLast().text()).isEqualTo("scale up on web-1 did not run: cooldown: scale_up on web-1 may run again in 5m");
    }

    @Test
    void pendingApprovalsComeAndGoWithEvents() {
        vm.applyEvent(item("p1", "restart_service", "web-1", "pending", false));
        assertThat(vm.pending()).extracting(Item::id).containsExactly("p1");
        vm.review(vm.pending().getFirst(), true);
        assertThat(backend.calls).as("nothing sent before the confirmation").doesNotContain("approve p1");
        assertThat(vm.confirmationProperty().get().decision()).isEqualTo(RemediationViewModel.Decision.APPROVE);
        vm.confirm();
        assertThat(backend.calls).contains("approve p1");
        backend.pendingOk.accept(item("p1", "restart_service", "web-1", "succeeded", false));
        assertThat(vm.pending()).isEmpty();
        assertThat(vm.recent()).extracting(Item::state).containsExactly("succeeded");
        assertThat(RemediationViewModel.formatLeft(Duration.ofMinutes(61))).isEqualTo("1h 01m");
    }

    @Test
    void rejectShowsTheProposalFirstAndCancelSendsNothing() {
        vm.applyEvent(item("p2", "restart_service", "web-1", "pending", false));
        vm.review(vm.pending().getFirst(), false);
        RemediationViewModel.Confirmation c = vm.confirmationProperty().get();
        assertThat(c.decision()).isEqualTo(RemediationViewModel.Decision.REJECT);
        assertThat(c.preview().id()).isEqualTo("p2");
        vm.cancel();
        assertThat(backend.calls).noneMatch(x -> x.startsWith("reject") || x.startsWith("approve"));
        assertThat(vm.notices().getLast().text()).isEqualTo("Cancelled: restart service on web-1 still waits for approval.");
        assertThat(vm.pending()).extracting(Item::id).containsExactly("p2");

        vm.review(vm.pending().getFirst(), false);
        vm.confirm();
        assertThat(backend.calls).filteredOn(x -> x.startsWith("reject") || x.startsWith("approve")).containsExactly("reject p2");
    }
}
