package io.smartcloudops.agent.notify;

import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.config.NotifyConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds the configured channels, reading their URLs and keys once at start from the environment variables
 * the configuration names, else from SSM ({@code <prefix>/notify/<channel>/url}, {@code .../routing_key},
 * {@code .../secret}). A missing value or a URL that is not https (http only to this machine) stops the start
 * naming the key. Values are never logged.
 */
public final class Channels {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Channels() {
    }

    /**
     * @param ssm reads SSM parameter names (relative to the prefix) into values, or null when SSM is not configured
     */
    public static List<Channel> build(NotifyConfig config, Map<String, String> env,
                                      Function<List<String>, Map<String, String>> ssm) {
        Map<String, String> fromSsm = Map.of();
        if (ssm != null && !config.channels().isEmpty()) {
            List<String> names = new ArrayList<>();
            config.channels().forEach((name, c) -> {
                names.add("notify/" + name + "/url");
                names.add("notify/" + name + "/routing_key");
                names.add("notify/" + name + "/secret");
            });
            fromSsm = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i += 10) {  // GetParameters takes at most 10 names
                fromSsm.putAll(ssm.apply(names.subList(i, Math.min(names.size(), i + 10))));
            }
        }
        List<Channel> out = new ArrayList<>();
        for (Map.Entry<String, NotifyConfig.ChannelConfig> e : new TreeMap<>(config.channels()).entrySet()) {
            String name = e.getKey();
            NotifyConfig.ChannelConfig c = e.getValue();
            String key = "notify.channels." + name;
            Map<String, String> ssmValues = fromSsm;
            Function<String, String> ssmValue = what -> ssmValues.get("notify/" + name + "/" + what);
            out.add(switch (c.type()) {
                case "slack" -> new SlackChannel(name, url(key + ".url_env", value(key + ".url_env", c.urlEnv(), env, ssmValue.apply("url"))));
                case "teams" -> new TeamsChannel(name, url(key + ".url_env", value(key + ".url_env", c.urlEnv(), env, ssmValue.apply("url"))));
                case "pagerduty" -> new PagerDutyChannel(name,
                        c.urlEnv() == null && ssmValue.apply("url") == null ? PagerDutyChannel.EVENTS_URL
                                : url(key + ".url_env", value(key + ".url_env", c.urlEnv(), env, ssmValue.apply("url"))),
                        value(key + ".routing_key_env", c.routingKeyEnv(), env, ssmValue.apply("routing_key")));
                case "webhook" -> new WebhookChannel(name,
                        url(key + ".url_env", value(key + ".url_env", c.urlEnv(), env, ssmValue.apply("url"))),
                        value(key + ".secret_env", c.secretEnv(), env, ssmValue.apply("secret")));
                default -> throw new ConfigException(key + ".type", "must be slack, teams, pagerduty or webhook");
            });
        }
        return out;
    }

    /** The variable's value, else SSM's; a named variable that is unset is an error even if SSM has a value. */
    private static String value(String key, String variable, Map<String, String> env, String fromSsm) {
        if (variable != null) {
            String v = env.get(variable);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
            if (fromSsm != null) {
                return fromSsm;
            }
            throw new ConfigException(key, "environment variable " + variable + " is not set");
        }
        if (fromSsm != null) {
            return fromSsm;
        }
        throw new ConfigException(key, "not set, and no SSM parameter holds it");
    }

    private static String url(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(key, "the variable does not hold a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(uri.getHost()))) {
            throw new ConfigException(key, "the URL must be https (plain http only to this machine)");
        }
        return value;
    }
}
