package io.smartcloudops.agent.chat.offline;

import io.smartcloudops.api.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics a question names, by their usual words ("CPU", "memory"/"RAM", "disk", "network", "load"...). */
final class MetricWords {

    private record Synonym(Pattern pattern, List<Metric> metrics) {
    }

    // More specific phrases first: "disk io" before "disk", "network in" before "network".
    private static final List<Synonym> SYNONYMS = List.of(
            new Synonym(Pattern.compile("\\b(disk[ _-]?i/?o|disk busy|i/o|io ?wait|iops|disk_io|disk utili[sz]ation)\\b"), List.of(Metric.DISK_IO)),
            new Synonym(Pattern.compile("\\b(net(?:work)?[ _-]?in(?:bound)?|inbound(?: traffic)?|ingress|rx|received|download|incoming traffic|net_in|receives?|receiving)\\b"), List.of(Metric.NET_IN)),
            new Synonym(Pattern.compile("\\b(net(?:work)?[ _-]?out(?:bound)?|outbound(?: traffic)?|egress|tx|sent|upload|outgoing traffic|net_out|sends?|sending)\\b"), List.of(Metric.NET_OUT)),
            new Synonym(Pattern.compile("\\b(cpus?|processors?|compute)\\b"), List.of(Metric.CPU)),
            new Synonym(Pattern.compile("\\b(mem|memory|ram)\\b"), List.of(Metric.MEM)),
            new Synonym(Pattern.compile("\\b(disks?|storage|file ?systems?|disk space|free space|root fs|space)\\b"), List.of(Metric.DISK)),
            new Synonym(Pattern.compile("\\b(network|net|bandwidth|traffic|throughput)\\b"), List.of(Metric.NET_IN, Metric.NET_OUT)),
            new Synonym(Pattern.compile("\\b(load(?: ?average)?|load1|loadavg)\\b"), List.of(Metric.LOAD1)));

    /** "how busy is web-1", "is web-1 hotter than web-2": busy means CPU when no metric is named. */
    private static final Pattern BUSY = Pattern.compile("\\b(busy|busier|loaded|stressed|hot|hotter|working hard|hard working"
            + "|how hard|under pressure|swamped|slammed|maxed(?: out)?)\\b");

    private MetricWords() {
    }

    /** {@link #find}, or CPU when the text names no metric but asks how busy a host is. */
    static List<Metric> findOrBusy(String text) {
        List<Metric> named = find(text);
        return named.isEmpty() && BUSY.matcher(text.toLowerCase(Locale.ROOT)).find() ? List.of(Metric.CPU) : named;
    }

    /** Metrics named in {@code text}, in order of appearance, each once. */
    static List<Metric> find(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean[] taken = new boolean[lower.length()];
        TreeMap<Integer, List<Metric>> found = new TreeMap<>();
        for (Synonym s : SYNONYMS) {
            Matcher m = s.pattern().matcher(lower);
            while (m.find()) {
                if (!taken[m.start()]) {
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                    found.put(m.start(), s.metrics());
                }
            }
        }
        LinkedHashSet<Metric> out = new LinkedHashSet<>();
        found.values().forEach(out::addAll);
        return List.copyOf(new ArrayList<>(out));
    }
}
