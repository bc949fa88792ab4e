package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostMatcherTest {

    static final List<String> HOSTS = List.of("web-1", "web-2", "db-1", "cache-1", "10.0.1.5:9100");

    @Test
    void aHostWithoutItsSeparatorOrWithASpaceIsStillThatHost() {
        assertThat(HostMatcher.find("load on web2", HOSTS)).containsExactly("web-2");
        assertThat(HostMatcher.find("WHAT IS THE LOAD ON DB1", HOSTS)).containsExactly("db-1");
        assertThat(HostMatcher.find("what's web 1's cpu at", HOSTS)).containsExactly("web-1");
        assertThat(HostMatcher.find("cpu of db 1 today", HOSTS)).containsExactly("db-1");
        assertThat(HostMatcher.find("cpu on web3", HOSTS)).isEmpty();
        assertThat(HostMatcher.find("last 3 anomalies", HOSTS)).isEmpty();
    }

    @Test
    void compactFormsThatTwoHostsShareNameNeither() {
        assertThat(HostMatcher.find("cpu on web1", List.of("web-1", "web_1"))).isEmpty();
    }

    @Test
    void aPartialNameIsOneHostOrAnAmbiguity() {
        assertThat(HostMatcher.partial("cpu on the db box", HOSTS)).contains(new HostMatcher.Partial("db", List.of("db-1")));
        assertThat(HostMatcher.partial("cpu util on cache", HOSTS)).contains(new HostMatcher.Partial("cache", List.of("cache-1")));
        assertThat(HostMatcher.partial("how's web doing", HOSTS))
                .contains(new HostMatcher.Partial("web", List.of("web-1", "web-2")));
    }

    @Test
    void aPartialNameIsNeverAWordQuestionsUseOtherwise() {
        List<String> hosts = List.of("load-1", "logs-1", "agent-1", "cpu-1", "today-1");
        for (String q : List.of("load on everything", "show logs", "agent status", "cpu now", "anomalies today")) {
            assertThat(HostMatcher.partial(q, hosts)).as(q).isEmpty();
        }
        // nor part of a longer name: "web" of "web-9" is a host the agent does not know, not web-1 or web-2
        assertThat(HostMatcher.partial("cpu on web-9", HOSTS)).isEmpty();
    }

    @Test
    void byAndOtherSmallWordsAreNotUnknownHosts() {
        assertThat(HostMatcher.unknownMention("top host by disk usage", HOSTS)).isEmpty();
        assertThat(HostMatcher.unknownMention("rank the servers by memory", HOSTS)).isEmpty();
        assertThat(HostMatcher.unknownMention("cpu on web-9", HOSTS)).contains("web-9");
    }
}
