package io.smartcloudops.agent.audit;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.secrets.SsmSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The optional key that seals audit records with HMAC-SHA256 instead of plain SHA-256: without it, someone
 * who can rewrite the log files can rewrite the whole chain and it still verifies; with it they cannot
 * produce a record that verifies. Like the agent's other secrets it comes from the environment
 * ({@value #VARIABLE}) or, when {@code ssm:} is configured, the SecureString
 * {@code <ssm.parameter_prefix>/audit/hmac_key}; never from {@code agent.yaml}. At least 32 characters
 * ({@code openssl rand -hex 32}). The value is never logged or shown.
 */
public final class AuditKey {

    public static final String VARIABLE = "SMARTCLOUDOPS_AUDIT_HMAC_KEY";
    static final int MIN_LENGTH = 32;

    private final SecretKeySpec key;

    private AuditKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @throws IllegalArgumentException when shorter than 32 characters */
    public static AuditKey of(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(VARIABLE + " must be at least " + MIN_LENGTH
                    + " characters (e.g. the output of: openssl rand -hex 32)");
        }
        return new AuditKey(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The environment's key, else SSM's when {@code ssm:} is configured; empty when neither has one. */
    public static Optional<AuditKey> resolve(AgentConfig config, Map<String, String> env, Supplier<SsmClient> ssm) {
        String value = env.get(VARIABLE);
        String from = VARIABLE;
        if ((value == null || value.isBlank()) && config.ssm().enabled()) {
            value = SsmSecrets.read(ssm.get(), config.ssm().parameterPrefix(), List.of(SsmSecrets.AUDIT_HMAC_KEY))
                    .get(SsmSecrets.AUDIT_HMAC_KEY);
            from = config.ssm().parameterPrefix().replaceAll("/+$", "") + "/" + SsmSecrets.AUDIT_HMAC_KEY;
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(from, e.getMessage().substring(VARIABLE.length() + 1));
        }
    }

    /** HMAC-SHA256 of {@code text}'s UTF-8 bytes, in hex. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[HmacSHA256, value hidden]";
    }
}
