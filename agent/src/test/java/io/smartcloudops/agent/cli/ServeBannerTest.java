package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.config.BindAddress;
import org.junit.jupiter.api.Test;

/** The start banner names 127.0.0.1 in its URL even for a wildcard bind, so it must say what the bind exposes. */
class ServeBannerTest {

    @Test
    void aLoopbackBindNeedsNoNote() {
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "127.0.0.1:8080"), 8080)).isEmpty();
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "localhost:0"), 41234)).isEmpty();
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "[::1]:8080"), 8080)).isEmpty();
    }

    @Test
    void aWildcardBindSaysEveryInterfaceWithThePortActuallyUsed() {
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "0.0.0.0:0"), 41234)).hasValueSatisfying(note ->
                assertThat(note).contains("every network interface (0.0.0.0:41234)")
                        .contains("other machines can reach this port unless a firewall")
                        .contains("server.bind"));
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "[::]:8080"), 8080))
                .hasValueSatisfying(note -> assertThat(note).contains("every network interface ([::]:8080)"));
    }

    @Test
    void anAddressOfThisMachineOnItsNetworkIsNamed() {
        assertThat(ServeCommand.exposureNote(BindAddress.parse("server.bind", "10.0.1.5:8080"), 8080)).hasValueSatisfying(note ->
                assertThat(note).startsWith("Listening on 10.0.1.5:8080: other machines can reach this port"));
    }
}
