package io.smartcloudops.agent.chat.offline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The times the offline answers print, in the agent's zone: "14:05 UTC", "Dec 6 14:05 UTC" on another day. */
final class AnswerTimes {

    private final ZoneId zone;
    private final String zoneLabel;
    private final DateTimeFormatter hm;
    private final DateTimeFormatter hms;
    private final DateTimeFormatter dayHm;

    AnswerTimes(ZoneId zone) {
        this.zone = zone;
        this.zoneLabel = TimeExpressions.zoneLabel(zone);
        this.hm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        this.hms = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
        this.dayHm = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(zone);
    }

    String zoneLabel() {
        return zoneLabel;
    }

    String time(Instant t) {
        return hm.format(t) + " " + zoneLabel;
    }

    String timeWithSeconds(Instant t) {
        return hms.format(t);
    }

    /** The time of day, with the date when {@code t} is not on {@code now}'s day. */
    String when(Instant t, Instant now) {
        boolean sameDay = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (sameDay ? hm.format(t) : dayHm.format(t)) + " " + zoneLabel;
    }
}
