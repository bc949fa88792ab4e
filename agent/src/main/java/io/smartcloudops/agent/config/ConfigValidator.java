package io.smartcloudops.agent.config;

import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Checks values that parse but make no sense; each failure names its key. */
final class ConfigValidator {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{16,256}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private ConfigValidator() {
    }

    static void validate(AgentConfig c) {
        requireSection(c.server(), "server");
        requireSection(c.source(), "source");
        requireSection(c.store(), "store");
        requireSection(c.auth(), "auth");
        requireSection(c.logs(), "logs");
        requireSection(c.detect(), "detect");
        requireSection(c.chat(), "chat");

        BindAddress.parse("server.bind", c.server().bind());
        if (c.server().maxRequestBytes() < 1024 || c.server().maxRequestBytes() > 64L * 1024 * 1024) {
            throw new ConfigException("server.max_request_bytes", "must be between 1024 and 67108864");
        }

        try {
            SourceSpec.parse(c.source().spec());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("source.spec", e.getMessage());
        }
        atLeast("source.interval", c.source().interval(), Duration.ofMillis(100));
        atLeast("source.timeout", c.source().timeout(), Duration.ofMillis(100));
        notNegative("source.backfill", c.source().backfill());
        atLeast("source.rate_window", c.source().rateWindow(), Duration.ofSeconds(1));
        atLeast("source.max_backoff", c.source().maxBackoff(), Duration.ofMillis(100));

        atLeast("store.retention", c.store().retention(), Duration.ofMinutes(1));
        if (c.store().retention().compareTo(c.source().interval().multipliedBy(2)) < 0) {
            throw new ConfigException("store.retention", "must hold at least two samples (>= 2 x source.interval)");
        }
        atLeast("store.raw_retention", c.store().rawRetention(), Duration.ofMinutes(1));
        if (c.store().maxHosts() < 0) {
            throw new ConfigException("store.max_hosts", "must be at least 1, or 0 for as many as the heap holds");
        }

        token("auth.viewer_token", c.auth().viewerToken());
        token("auth.operator_token", c.auth().operatorToken());
        token("auth.webhook_token", c.auth().webhookToken());
        if (c.auth().tokens() != null) {
            for (int i = 0; i < c.auth().tokens().size(); i++) {
                TokenEntry t = c.auth().tokens().get(i);
                String key = "auth.tokens[" + i + "]";
                if (t.name() == null || t.name().isBlank()) {
                    throw new ConfigException(key + ".name", "is required");
                }
                if (t.role() == null) {
                    throw new ConfigException(key + ".role", "is required (viewer, operator or webhook)");
                }
                if ((t.sha256() == null) == (t.env() == null)) {
                    throw new ConfigException(key, "give exactly one of sha256 or env");
                }
                if (t.sha256() != null && !isSha256Hex(t.sha256())) {
                    throw new ConfigException(key + ".sha256", "must be 64 hex digits");
                }
                if (t.env() != null && !ENV_NAME.matcher(t.env()).matches()) {
                    throw new ConfigException(key + ".env", "must be an environment variable name");
                }
            }
        }
        requireSection(c.ssm(), "ssm");
        if (c.ssm().enabled() && !c.ssm().parameterPrefix().matches("(/[A-Za-z0-9_.-]+)+/?")) {
            throw new ConfigException("ssm.parameter_prefix", "must be a parameter path such as /smartcloudops (got '"
                    + c.ssm().parameterPrefix() + "')");
        }
        requireSection(c.redis(), "redis");
        requireSection(c.cluster(), "cluster");
        if (c.redis().enabled() && !c.redis().url().matches("rediss?://.+")) {
            throw new ConfigException("redis.url", "must look like redis://host:port (got '" + c.redis().url() + "')");
        }
        if (c.cluster().shard() != null && !c.cluster().shard().isBlank()) {
            try {
                io.smartcloudops.agent.cluster.ShardSpec.parse(c.cluster().shard());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("cluster.shard", e.getMessage());
            }
        }
        atLeast("cluster.heartbeat", c.cluster().heartbeat(), Duration.ofMillis(100));
        if (c.cluster().vnodes() < 1 || c.cluster().vnodes() > 1024) {
            throw new ConfigException("cluster.vnodes", "must be between 1 and 1024");
        }
        if (c.auth().failuresPerMinute() < 0 || c.auth().failuresPerMinute() > 100_000) {
            throw new ConfigException("auth.failures_per_minute", "must be between 0 (no limit) and 100000");
        }
        if (c.logs().dir() == null || c.logs().dir().isBlank()) {
            throw new ConfigException("logs.dir", "is required");
        }
        if (c.logs().retentionDays() < 0) {
            throw new ConfigException("logs.retention_days", "must be 0 (keep all) or more");
        }
        atLeast("logs.anchor_interval", c.logs().anchorInterval(), Duration.ofMillis(100));
        if (c.logs().anchorTopicArn() != null && !c.logs().anchorTopicArn().isBlank()
                && !c.logs().anchorTopicArn().strip().startsWith("arn:")) {
            throw new ConfigException("logs.anchor_topic_arn", "must be an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        }
        if (c.detect().minSamples() < 10 || c.detect().minSamples() > 100_000) {
            throw new ConfigException("detect.min_samples", "must be between 10 and 100000 (samples a new host learns from)");
        }
        if (c.detect().recent() < 1 || c.detect().recent() > 1_000_000) {
            throw new ConfigException("detect.recent", "must be between 1 and 1000000");
        }
        if (c.detect().stateDir() == null) {
            throw new ConfigException("detect.state_dir", "is required (empty string for the default, none to keep no state)");
        }
        if (c.detect().model() == null) {
            throw new ConfigException("detect.model", "is required (empty string for no model)");
        }
        ChatConfigChecks.validate(c.chat());
        RemediationConfigChecks.validate(c);
        AlertsConfigChecks.validate(c);
    }

    private static void requireSection(Object section, String key) {
        if (section == null) {
            throw new ConfigException(key, "section must not be empty");
        }
    }

    private static void atLeast(String key, Duration d, Duration min) {
        if (d == null) {
            throw new ConfigException(key, "is required");
        }
        if (d.compareTo(min) < 0) {
            throw new ConfigException(key, "must be at least " + io.smartcloudops.api.time.DurationText.format(min));
        }
    }

    private static void notNegative(String key, Duration d) {
        if (d == null || d.isNegative()) {
            throw new ConfigException(key, "must be 0 or more");
        }
    }

    private static void token(String key, String token) {
        if (token != null && !token.isEmpty() && !TOKEN.matcher(token).matches()) {
            throw new ConfigException(key, "must be 16 to 256 characters of [A-Za-z0-9._~+/=-]");
        }
    }

    private static boolean isSha256Hex(String s) {
        if (s.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
