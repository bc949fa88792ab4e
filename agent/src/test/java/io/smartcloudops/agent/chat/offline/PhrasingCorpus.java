package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.agent.chat.context.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One half of the phrasing corpus ({@code resources/chat/phrasings/}) read by the offline parser: how many
 * lines of each expected intent it reads right, and every miss with what it read instead.
 */
final class PhrasingCorpus {

    static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");
    static final List<String> HOSTS = List.of("web-1", "web-2", "db-1", "cache-1");

    record Line(String question, PhrasingExpectation expected) {
    }

    record Miss(Line line, Intent got, String why) {
    }

    record Score(String half, int lines, Map<String, int[]> perIntent, List<Miss> misses, List<Line> falseProposals) {

        int correct() {
            return lines - misses.size();
        }

        double accuracy() {
            return (double) correct() / lines;
        }

        String report() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%s: %d/%d right (%.1f %%), %d question(s) read as a proposal%n", half, correct(), lines,
                    100 * accuracy(), falseProposals.size()));
            perIntent.forEach((intent, rs) -> sb.append(String.format("  %-13s %3d/%3d%n", intent, rs[0], rs[1])));
            for (Line l : falseProposals) {
                sb.append("  PROPOSED ").append(l.question()).append(System.lineSeparator());
            }
            for (Miss m : misses) {
                sb.append(String.format("  MISS %-55s expected %s; %s; got %s%n", m.line().question(),
                        m.line().expected().text(), m.why(), m.got()));
            }
            return sb.toString();
        }
    }

    private PhrasingCorpus() {
    }

    static List<Line> load(String half) {
        String resource = "/chat/phrasings/" + half + ".tsv";
        try (InputStream in = PhrasingCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<Line> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException(resource + ": not 'question<TAB>expected': " + line);
                }
                lines.add(new Line(parts[0], PhrasingExpectation.parse(parts[1])));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static QuestionParser parser() {
        return new QuestionParser(() -> HOSTS, new TimeExpressions(Clock.fixed(NOW, ZoneId.of("UTC")), ZoneId.of("UTC")));
    }

    /** The last of the line's turns ({@code earlier >> follow-up}), read with the earlier ones as the conversation. */
    static Intent parse(QuestionParser parser, String question) {
        List<Turn> history = new ArrayList<>();
        String[] turns = question.split(" >> ");
        for (int i = 0; i < turns.length - 1; i++) {
            history.add(new Turn(NOW, turns[i], "", hostsOf(parser.parse(turns[i], history))));
        }
        return parser.parse(turns[turns.length - 1], history);
    }

    /** The hosts an answer to {@code intent} is about, as the assistant records them on the turn. */
    private static List<String> hostsOf(Intent intent) {
        return switch (intent) {
            case Intent.CurrentMetrics c -> c.hosts();
            case Intent.SeriesStats s -> s.hosts();
            case Intent.Anomalies a -> a.host() == null ? List.of() : List.of(a.host());
            case Intent.Explain e -> e.host() == null ? List.of() : List.of(e.host());
            case Intent.Alerts a -> a.host() == null ? List.of() : List.of(a.host());
            case Intent.Remediations r -> r.host() == null ? List.of() : List.of(r.host());
            case Intent.Logs l -> l.host() == null ? List.of() : List.of(l.host());
            default -> List.of();
        };
    }

    static Score score(String half) {
        QuestionParser parser = parser();
        List<Line> lines = load(half);
        Map<String, int[]> perIntent = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        List<Line> falseProposals = new ArrayList<>();
        for (Line line : lines) {
            Intent got = parse(parser, line.question());
            Optional<String> why = line.expected().miss(got, NOW, HOSTS);
            int[] rs = perIntent.computeIfAbsent(line.expected().label(), k -> new int[2]);
            rs[1]++;
            if (why.isEmpty()) {
                rs[0]++;
            } else {
                misses.add(new Miss(line, got, why.get()));
            }
            // a proposal for a host the chat does not know (a tier, a group) is the remediation's to validate
            if (PhrasingExpectation.proposes(got) && !line.expected().intents().contains("propose")
                    && !line.expected().intents().contains("unknown-host")) {
                falseProposals.add(line);
            }
        }
        return new Score(half, lines.size(), perIntent, misses, falseProposals);
    }
}
