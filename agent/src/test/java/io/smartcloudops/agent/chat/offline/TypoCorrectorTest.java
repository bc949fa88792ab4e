package io.smartcloudops.agent.chat.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypoCorrectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            anomolies,  anomalies
            anomoly,    anomaly
            memroy,     memory
            restrat,    restart
            lgos,       logs
            alrets,     alerts
            sttaus,     status
            bussiest,   busiest
            silnces,    silences
            avergae,    average
            remediaton, remediation
            remdiaiton, remediation
            yesteday,   yesterday
            wierd,      weird
            spkies,     spikes
            saturady,   saturday
            leaderbaord, leaderboard
            lerning,    learning
            seasno,     season
            nromal,     normal
            usally,     usually
            baselien,   baseline
            acekd,      acked
            notifcations, notifications
            pagerdtuy,  pagerduty
            delivred,   delivered
            """)
    void correctsAKeywordOneOrTwoEditsAway(String typed, String meant) {
        assertThat(TypoCorrector.correct(typed)).isEqualTo(meant);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // English words one edit from a keyword: "least" is not "last", "stale" not "scale", "fixing" not "firing"
            "least", "stale", "state", "starts", "bounded", "fixing", "percentage", "sealed", "stays", "lagged", "audio",
            "spice", "spoke", "ranting", "bushier",
            // ... and from the detector's, acknowledgement and notification words: "asked" is not "acked"
            "asked", "leaning", "warning", "shirt", "expert", "dairy", "brand", "paper", "stack",
            // more than the allowed edits, or another first letter
            "business", "hardening", "correctly", "processes", "detected", "alarming",
            // four letters: only a swap of neighbours ("lgos"), never a changed letter ("loss", "lead")
            "loss", "lead", "stat",
            // not a word of letters, too short, or the keyword itself
            "web1", "db", "cpu", "nginx", "php-fpm", "anomalies"})
    void leavesEverythingElseAsTyped(String word) {
        assertThat(TypoCorrector.correct(word)).isEqualTo(word);
    }

    /** A misspelt detector, acknowledgement or notification question is read as the one spelt right. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            is web-2 still lerning?              | is web-2 still learning?
            which hosts have a seasno?           | which hosts have a season?
            whats nromal cpu for web-1           | whats normal cpu for web-1
            what is memory usally on db-1        | what is memory usually on db-1
            what was acekd today?                | what was acked today?
            which notifcations were sent today?  | which notifications were sent today?
            """)
    void readsAMisspeltQuestionAsTheOneSpeltRight(String typed, String meant) {
        QuestionParser parser = PhrasingCorpus.parser();
        assertThat(PhrasingCorpus.parse(parser, typed)).isEqualTo(PhrasingCorpus.parse(parser, meant));
        assertThat(PhrasingCorpus.parse(parser, typed)).isNotInstanceOf(Intent.Help.class);
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource(textBlock = """
            logs,  lgos,  1
            logs,  logs,  0
            memory, memroy, 1
            abc,   ca,    3
            kitten, sitting, 3
            """)
    void distanceCountsASwapOfNeighboursAsOneEdit(String a, String b, int d) {
        assertThat(TypoCorrector.distance(a, b)).isEqualTo(d);
    }
}
