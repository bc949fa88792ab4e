package io.smartcloudops.console.logs;

import io.smartcloudops.api.audit.AuditRecord;
import io.smartcloudops.api.remediation.Trigger;
import io.smartcloudops.api.remediation.ActionType;
import io.smartcloudops.api.audit.AuditResult;
import io.smartcloudops.api.audit.AuditEvent;
import io.smartcloudops.api.audit.AuditRecordList;
import io.smartcloudops.api.client.AgentApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Logs screen: the agent's audit log ({@code GET /logs}) newest first, with the "since" selector
 * and filters by action, instance and result; reloaded whenever a remediation changes state.
 */
public final class LogsViewModel {

    /** The "since" choices. */
    public static final List<String> SINCE = List.of("10m", "1h", "6h", "24h", "7d");
    /** Shown for "no filter". */
    public static final String ANY = "any";
    public static final List<String> ACTIONS = List.of(ANY, "restart_service", "scale_up", "notify");
    public static final List<String> RESULTS = List.of(ANY, "success", "failure", "refused", "dry_run", "pending",
            "approved", "rejected", "running", "effective", "ineffective");
    static final int LIMIT = 500;

    /** Loads {@code GET /logs} with the given query; the answer arrives on the UI thread. */
    @FunctionalInterface
    public interface Backend {
        void logs(Map<String, String> query, Consumer<AuditRecordList> ok, Consumer<AgentApiException> error);
    }

    /** The words the Logs screen uses for an audit record (the record itself keeps the api's enums). */
    public static final class Text {

        private Text() {
        }

        private static String key(Object e) {
            return e == null ? "" : e instanceof AuditEvent ev ? ev.key() : e instanceof AuditResult r ? r.key()
                    : e instanceof ActionType t ? t.key() : e instanceof Trigger t ? t.key() : e.toString();
        }

        public static String event(AuditRecord r) {
            return key(r.event());
        }

        public static String action(AuditRecord r) {
            return key(r.action());
        }

        /** Who did it, in words: an approval is the approver's, with who proposed it. */
        public static String by(AuditRecord r) {
            String who = r.actor() == null ? "" : r.actor().replaceFirst("^rule:", "");
            String trigger = key(r.trigger());
            if (r.event() == AuditEvent.APPROVED || r.event() == AuditEvent.REJECTED) {
                return event(r) + " by " + who + (r.trigger() == null || r.trigger() == Trigger.OPERATOR ? ""
                        : " (proposed by " + trigger + ")");
            }
            if (r.event() == AuditEvent.PROPOSED) {
                return "proposed by " + trigger + (who.isEmpty() ? "" : " " + who);
            }
            if (r.trigger() == Trigger.RULE) {
                return "rule " + who;
            }
            return who.equals(trigger) || who.isEmpty() ? trigger : (trigger + " " + who).strip();
        }

        /** The result in words that tell a dry run from a run. */
        public static String result(AuditRecord r) {
            if (r.result() == AuditResult.DRY_RUN) {
                return "dry run (nothing ran)";
            }
            return key(r.result()) + (r.dryRun() ? " (dry run)" : "");
        }
    }

    private final Backend backend;
    private final ObservableList<AuditRecord> rows = FXCollections.observableArrayList();
    private final StringProperty since = new SimpleStringProperty(this, "since", "24h");
    private final StringProperty action = new SimpleStringProperty(this, "action", ANY);
    private final StringProperty instance = new SimpleStringProperty(this, "instance", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", ANY);
    private final BooleanProperty offered = new SimpleBooleanProperty(this, "offered");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private boolean loading;
    private boolean again;

    public LogsViewModel(Backend backend) {
        this.backend = backend;
        since.addListener((o, a, b) -> reload());
        action.addListener((o, a, b) -> reload());
        result.addListener((o, a, b) -> reload());
        offered.addListener((o, a, b) -> reload());
    }

    /** The query the filters make (only what is set). */
    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("since", since.get());
        if (!ANY.equals(action.get())) {
            q.put("action", action.get());
        }
        if (!instance.get().isBlank()) {
            q.put("instance", instance.get().trim());
        }
        if (!ANY.equals(result.get())) {
            q.put("result", result.get());
        }
        q.put("limit", Integer.toString(LIMIT));
        return q;
    }

    /** Loads again (one request at a time; a change during a load loads once more after it). */
    public void reload() {
        if (!offered.get()) {
            return;
        }
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        Map<String, String> q = query();
        backend.logs(q, json -> {
            loading = false;
            apply(json);
            if (again) {
                again = false;
                reload();
            }
        }, e -> {
            loading = false;
            message.set("The agent refused the log query: " + (e.error().detail() == null ? e.getMessage() : e.error().detail()));
            if (again) {
                again = false;
                reload();
            }
        });
    }

    void apply(AuditRecordList list) {
        List<AuditRecord> out = new ArrayList<>(list.records().stream().filter(r -> r.timestamp() != null).toList());
        out.sort(Comparator.comparing(AuditRecord::timestamp).reversed());
        rows.setAll(out);
        message.set(countText(out.size(), since.get()) + (list.truncated() ? " (more matched: showing the newest " + LIMIT + ")" : ""));
    }

    /** "No records in the last 24 hours", "1 record in the last 10 minutes". */
    static String countText(int n, String since) {
        String window = "in the last " + io.smartcloudops.console.dashboard.TimeRangeWords.of(since);
        return (n == 0 ? "No records" : n == 1 ? "1 record" : n + " records") + " " + window;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<AuditRecord> rows() {
        return rows;
    }

    public StringProperty sinceProperty() {
        return since;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty instanceProperty() {
        return instance;
    }

    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty offeredProperty() {
        return offered;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
