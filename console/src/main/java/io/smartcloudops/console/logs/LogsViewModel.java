package io.smartcloudops.console.logs;

import io.smartcloudops.api.audit.AuditRecord;
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

    /**
     * One audit record as the table shows it.
     *
     * @param timestamp when
     * @param event     proposed, approved, started, finished, verified, ...
     * @param action    restart_service, scale_up, notify
     * @param instance  the target
     * @param result    success, failure, dry_run, ...
     * @param trigger   rule, operator, chat
     * @param actor     who
     * @param dryRun    whether nothing ran
     * @param detail    in words
     */
    public record Row(Instant timestamp, String event, String action, String instance, String result, String trigger,
                      String actor, boolean dryRun, String detail) {
    }

    private final Backend backend;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
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
        List<Row> out = new ArrayList<>();
        for (AuditRecord r : list.records()) {
            if (r.timestamp() != null) {
                out.add(new Row(r.timestamp(), nz(r.event() == null ? null : r.event().key()),
                        nz(r.action() == null ? null : r.action().key()), nz(r.instance()),
                        nz(r.result() == null ? null : r.result().key()), nz(r.trigger() == null ? null : r.trigger().key()),
                        nz(r.actor()), r.dryRun(), nz(r.detail())));
            }
        }
        out.sort(Comparator.comparing(Row::timestamp).reversed());
        rows.setAll(out);
        message.set(out.size() + " records since " + since.get()
                + (list.truncated() ? " (more matched: showing the newest " + LIMIT + ")" : ""));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<Row> rows() {
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
