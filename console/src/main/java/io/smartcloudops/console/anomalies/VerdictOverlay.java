package io.smartcloudops.console.anomalies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The confirm dialog of a verdict, drawn over the window like the remediation one: what confirming does, an
 * optional note for the audit log, and two buttons. Escape or Cancel sends nothing; Cancel is the default
 * button, so Enter never gives a verdict by accident.
 */
public final class VerdictOverlay extends StackPane {

    public VerdictOverlay(VerdictActions.Ask ask, VerdictActions actions) {
        setId("verdict-overlay");
        getStyleClass().add("help-overlay");
        Label title = new Label(ask.title());
        title.getStyleClass().add("screen-title");
        Label subject = new Label(ask.anomaly().severity().key() + " on " + ask.anomaly().host() + ": " + ask.anomaly().summary());
        subject.setWrapText(true);
        Label explanation = new Label(ask.explanation());
        explanation.setId("verdict-explanation");
        explanation.setWrapText(true);
        TextField note = new TextField();
        note.setId("verdict-note");
        note.setPromptText("note for the audit log (optional), e.g. nightly backup");
        note.setVisible(ask.verdict() != null);
        note.setManaged(ask.verdict() != null);
        Button go = new Button(ask.button());
        go.setId("verdict-confirm");
        Button no = new Button("Cancel");
        no.setId("verdict-cancel");
        no.setDefaultButton(true);
        no.setCancelButton(true);
        go.setOnAction(e -> actions.confirm(note.getText()));
        no.setOnAction(e -> actions.cancel());
        HBox buttons = new HBox(10, no, go);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox card = new VBox(10, title, subject, explanation, note, buttons);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(18));
        card.setMaxSize(620, VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }
}
