package io.smartcloudops.console.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** In the console's tests a list a control shows fails at a change made off the JavaFX thread, naming the control. */
class FxThreadTest {

    @Test
    void theTestsCheck() {
        assertThat(Boolean.getBoolean(FxThread.PROPERTY)).as("set by the console's surefire configuration").isTrue();
    }

    @Test
    void aShownListChangedOffTheFxThreadFailsAtTheChange() {
        ObservableList<String> rows = FxThread.shown(FXCollections.observableArrayList(), "the anomaly table");
        assertThatThrownBy(() -> rows.add("web-1")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the items of the anomaly table changed on " + Thread.currentThread().getName());
    }

    @Test
    void closingASessionOffTheFxThreadFails() {
        assertThatThrownBy(() -> FxThread.require("ConsoleSession.close")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ConsoleSession.close must run on the JavaFX thread");
    }
}
