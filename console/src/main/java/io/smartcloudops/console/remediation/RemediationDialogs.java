package io.smartcloudops.console.remediation;

import io.smartcloudops.console.fx.FxThread;
import io.smartcloudops.console.shell.MainWindow;
import io.smartcloudops.console.shell.Toasts;
import javafx.collections.ListChangeListener;

/** Shows what the Remediation view-model asks of the operator: the confirm dialog over the window, and its notices. */
public final class RemediationDialogs {

    private RemediationDialogs() {
    }

    public static void attach(RemediationViewModel vm, MainWindow window) {
        FxThread.shown(vm.notices(), "the remediation notices").addListener((ListChangeListener<RemediationViewModel.Notice>) c -> {
            while (c.next()) {
                for (RemediationViewModel.Notice n : c.getAddedSubList()) {
                    window.toasts().show(switch (n.kind()) {
                        case INFO -> Toasts.Kind.INFO;
                        case SUCCESS -> Toasts.Kind.SUCCESS;
                        case ERROR -> Toasts.Kind.ERROR;
                    }, n.text());
                }
            }
        });
        vm.confirmationProperty().addListener((o, a, c) -> {
            if (c == null) {
                window.hideOverlay();
            } else {
                window.showOverlay(new ConfirmOverlay(c, vm::confirm, vm::cancel));
            }
        });
    }
}
