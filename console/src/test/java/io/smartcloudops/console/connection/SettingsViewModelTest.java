package io.smartcloudops.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void remoteNeedsAUrlAndATokenAndSavesNothingUntilBothAreRight() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = new SettingsViewModel(store, ConsoleSettings.defaults(), "");
        vm.modeProperty().set(ConsoleSettings.Mode.REMOTE);
        vm.urlProperty().set("ftp://agent:8080");

        assertThat(vm.apply()).isEmpty();
        assertThat(vm.urlErrorProperty().get()).isEqualTo("Agent URL: 'ftp://agent:8080' must start with http:// or https://");
        assertThat(vm.tokenErrorProperty().get()).startsWith("Token: required");
        assertThat(vm.messageProperty().get()).startsWith("Nothing was saved");
        assertThat(Files.exists(store.settingsFile())).isFalse();

        vm.urlProperty().set("http://10.0.1.5:8080/");
        vm.tokenProperty().set("s3cret-token");
        Optional<ConsoleSettings> saved = vm.apply();

        assertThat(saved).isPresent();
        assertThat(vm.messageProperty().get()).startsWith("Saved to ").contains("http:// sends the token to 10.0.1.5 unencrypted");
        assertThat(saved.get().remoteUrl()).isEqualTo("http://10.0.1.5:8080");
        assertThat(Files.readString(store.settingsFile())).doesNotContain("s3cret-token").contains("remote_url=http\\://10.0.1.5\\:8080");
        assertThat(store.loadRemoteToken()).contains("s3cret-token");
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(store.remoteToken().path());
        assertThat(perms).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(vm.tokenProperty().get()).isEmpty();
        assertThat(new SettingsStore(dir).load()).isEqualTo(saved.get());
    }

    @Test
    void plainHttpIsFlaggedOnlyWhenTheTokenLeavesTheMachine() {
        assertThat(SettingsViewModel.plainHttpWarning("http://10.0.1.5:8080")).get().asString().contains("10.0.1.5");
        assertThat(SettingsViewModel.plainHttpWarning("http://agent.internal")).isPresent();
        assertThat(SettingsViewModel.plainHttpWarning("https://10.0.1.5:8443")).isEmpty();
        assertThat(SettingsViewModel.plainHttpWarning("http://127.0.0.1:8080")).isEmpty();
        assertThat(SettingsViewModel.plainHttpWarning("http://localhost:8080")).isEmpty();
        assertThat(SettingsViewModel.plainHttpWarning("http://[::1]:8080")).isEmpty();
    }

    @Test
    void refreshIntervalIsCheckedAndNamed() {
        SettingsViewModel vm = new SettingsViewModel(new SettingsStore(dir), ConsoleSettings.defaults(), "");
        vm.refreshProperty().set("soon");
        assertThat(vm.validate()).isEmpty();
        assertThat(vm.refreshErrorProperty().get()).startsWith("Refresh interval:");
        vm.refreshProperty().set("10m");
        assertThat(vm.validate()).isEmpty();
        assertThat(vm.refreshErrorProperty().get()).contains("between 1s and 5m");
        vm.refreshProperty().set("2s");
        assertThat(vm.validate()).get().extracting(ConsoleSettings::refreshInterval).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTokenWithSpacesIsRefused() {
        SettingsViewModel vm = new SettingsViewModel(new SettingsStore(dir), ConsoleSettings.defaults(), "");
        vm.modeProperty().set(ConsoleSettings.Mode.REMOTE);
        vm.urlProperty().set("https://agent.example:8443");
        vm.tokenProperty().set("Bearer abc");
        assertThat(vm.validate()).isEmpty();
        assertThat(vm.tokenErrorProperty().get()).contains("spaces");
    }

    @Test
    void theSettingsScreenSaysWhereTokensAreKept() {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = new SettingsViewModel(store, ConsoleSettings.defaults(), "/home/me/.config/smartcloudops/token");
        assertThat(vm.tokenLocation()).contains(store.remoteToken().path().toString()).contains("readable only by you")
                .contains("/home/me/.config/smartcloudops/token");
    }

    @Test
    void badValuesInTheFileFallBackToDefaultsAndAreNamed() throws Exception {
        Files.writeString(dir.resolve("console.properties"), "theme=purple\nfont_scale=7\nrefresh_interval=0s\nmode=remote\n");
        SettingsStore store = new SettingsStore(dir);
        ConsoleSettings s = store.load();
        assertThat(s.theme()).isEqualTo(ConsoleSettings.Theme.DARK);
        assertThat(s.fontScale()).isEqualTo(1.0);
        assertThat(s.mode()).isEqualTo(ConsoleSettings.Mode.REMOTE);
        assertThat(store.problems()).hasSize(3).anyMatch(p -> p.startsWith("theme:"))
                .anyMatch(p -> p.startsWith("font_scale:")).anyMatch(p -> p.startsWith("refresh_interval:"));
    }

    @Test
    void fontScaleIsClampedAndRounded() {
        assertThat(ConsoleSettings.defaults().withFontScale(5).fontScale()).isEqualTo(2.0);
        assertThat(ConsoleSettings.defaults().withFontScale(1.1000001).fontScale()).isEqualTo(1.1);
        assertThat(ConsoleSettings.defaults().withFontScale(0.1).fontScale()).isEqualTo(0.8);
    }
}
