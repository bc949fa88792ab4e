package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionTextTest {

    static final List<String> HOSTS = List.of("web-1", "web-2", "db-1", "cache-1");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @smartcloudops what's cpu on web-1         | what's cpu on web-1
            <@U024BE7LH> restart nginx on web-2        | restart nginx on web-2
            @bot: status                               | status
            hey bot, scale up web-2 please             | scale up web-2
            hi there - any alerts?                     | any alerts?
            ok so what's firing                        | what's firing
            btw, delete all the logs                   | delete all the logs
            quick question: is remediation enabled     | is remediation enabled
            last 3 anomalies pls                       | last 3 anomalies
            restart nginx on web-1 now please          | restart nginx on web-1 now
            Current CPU, please.                       | Current CPU.
            logs from 15 minutes ago pls thx           | logs from 15 minutes ago
            ANY ALERTS FIRING???                       | ANY ALERTS FIRING?
            whats cpu rn                               | what's cpu right now
            hows web-1 doing                           | how's web-1 doing
            any anomolies?                             | any anomalies?
            memroy on web-2?                           | memory on web-2?
            why is web-1’s cpu high                    | why is web-1's cpu high
            can you tell me is remediation enabled     | is remediation enabled
            could you please tell me whats firing      | what's firing
            do you know why web-1 is red?              | why web-1 is red?
            hello                                      | hello
            thanks                                     | thanks
            """)
    void makesTheQuestionRegular(String typed, String regular) {
        assertThat(QuestionText.of(typed, HOSTS).text()).isEqualTo(regular);
    }

    @Test
    void neverCorrectsAWordOfAKnownHost() {
        assertThat(QuestionText.of("how is alrets doing", List.of("alrets-1")).text()).isEqualTo("how is alrets doing");
        assertThat(QuestionText.of("how is alrets doing", HOSTS).text()).isEqualTo("how is alerts doing");
    }

    @Test
    void keepsTheCaseOfWhatItDoesNotChange() {
        QuestionText q = QuestionText.of("Restart NetworkManager on web-1", HOSTS);
        assertThat(q.text()).isEqualTo("Restart NetworkManager on web-1");
        assertThat(q.lower()).isEqualTo("restart networkmanager on web-1");
    }
}
