package io.smartcloudops.console.remediation;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The confirm dialog, drawn over the window: what will run, exactly (the agent's dry-run plan), and
 * two buttons. Escape or Cancel runs nothing; the default button is Cancel so Enter never runs an action.
 */
public final class ConfirmOverlay extends StackPane {

    public ConfirmOverlay(RemediationViewModel.Confirmation c, Runnable confirm, Runnable cancel) {
        setId("confirm-overlay");
        getStyleClass().add("help-overlay");
        String what = RemediationText.what(c.request());
        Label title = new Label(switch (c.decision()) {
            case RUN -> c.realRun() ? "Run " + what + "?" : "Record a dry run of " + what + "?";
            case APPROVE -> "Approve " + what + "?";
            case REJECT -> "Reject " + what + "?";
        });
        title.setId("confirm-title");
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        Label mode = new Label(switch (c.decision()) {
            case RUN -> c.realRun() ? "This runs for real on " + c.request().target() + "."
                    : "Remediation is disabled on this agent: confirming records a dry run; nothing runs.";
            case APPROVE -> c.realRun() ? "Approving runs it for real on " + c.request().target() + "."
                    : "Approving records a dry run (the proposal is a dry run); nothing runs.";
            case REJECT -> "Rejecting closes the proposal: nothing runs.";
        });
        mode.setWrapText(true);
        Label planTitle = new Label(switch (c.decision()) {
            case RUN -> "Exactly what will run (the agent's plan):";
            case APPROVE -> "Proposed by " + RemediationText.proposer(c.proposedBy()) + "; what runs on approval:";
            case REJECT -> "Proposed by " + RemediationText.proposer(c.proposedBy()) + "; what would have run:";
        });
        planTitle.setWrapText(true);
        TextArea plan = new TextArea(c.plan().isEmpty() ? "(the agent gave no plan) " + c.detail()
                : String.join("\n", RemediationText.steps(c.plan())));
        plan.setId("confirm-plan");
        plan.setEditable(false);
        plan.setWrapText(true);
        plan.setPrefRowCount(Math.min(12, Math.max(4, 2 * c.plan().size() + 1)));
        plan.setStyle("-fx-font-family: monospace;");
        Label key = new Label(c.approval() ? "Proposal " + c.proposal().map(p -> p.id()).orElse("") + "."
                : "Idempotency key " + c.idempotencyKey() + ": retries of this click never run twice.");
        key.getStyleClass().add("empty-hint");
        key.setWrapText(true);
        Button run = new Button(switch (c.decision()) {
            case RUN -> c.realRun() ? "Run" : "Record dry run";
            case APPROVE -> "Approve";
            case REJECT -> "Reject";
        });
        run.setId("confirm-run");
        Button no = new Button("Cancel");
        no.setId("confirm-cancel");
        no.setDefaultButton(true);
        no.setCancelButton(true);
        run.setOnAction(e -> confirm.run());
        no.setOnAction(e -> cancel.run());
        HBox buttons = new HBox(10, no, run);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, title, mode, planTitle, plan, key, buttons);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(18));
        card.setMaxSize(620, VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }
}
