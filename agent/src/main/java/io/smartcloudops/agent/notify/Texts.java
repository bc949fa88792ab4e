package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.alerts.DisplayText;

/** Text limits of the services (Slack, Teams, PagerDuty), counted in characters. */
final class Texts {

    private Texts() {
    }

    /** Printable and at most {@code max} characters, the note of what was cut included. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String shown = DisplayText.cut(s, max);
        if (shown.codePointCount(0, shown.length()) <= max) {
            return shown;
        }
        // leave room for the "… (N more characters)" note
        return DisplayText.cut(s, Math.max(1, max - 32));
    }
}
