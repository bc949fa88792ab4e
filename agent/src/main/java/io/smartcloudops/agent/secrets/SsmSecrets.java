package io.smartcloudops.agent.secrets;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.AuthConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Reads the agent's secrets from SSM Parameter Store at start, under {@code ssm.parameter_prefix}. A value
 * already set in the environment wins (an operator's override); Terraform's {@code CHANGE_ME} placeholder
 * and missing parameters count as unset. Values are never logged.
 */
public final class SsmSecrets {

    /** Placeholder Terraform writes; the real value is set out of band. */
    static final String PLACEHOLDER = "CHANGE_ME";
    public static final String VIEWER_TOKEN = "api/viewer_token";
    public static final String OPERATOR_TOKEN = "api/operator_token";
    public static final String WEBHOOK_TOKEN = "api/webhook_token";
    public static final String OPENAI_API_KEY = "openai/api_key";
    public static final String AUDIT_HMAC_KEY = "audit/hmac_key";

    private static final Logger LOG = LoggerFactory.getLogger(SsmSecrets.class);

    private SsmSecrets() {
    }

    /** The parameters found (name relative to the prefix → value), placeholders and missing ones left out. */
    public static Map<String, String> read(SsmClient ssm, String prefix, List<String> names) {
        String base = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        Map<String, String> found = new LinkedHashMap<>();
        GetParametersResponse r;
        try {
            r = ssm.getParameters(b -> b.names(names.stream().map(n -> base + "/" + n).toList()).withDecryption(true));
        } catch (SdkException e) {
            throw new IllegalStateException("ssm.parameter_prefix: cannot read SSM parameters under " + base + ": "
                    + e.getMessage(), e);
        }
        for (Parameter p : r.parameters()) {
            String name = p.name().substring(base.length() + 1);
            if (p.value() == null || p.value().isBlank() || p.value().equals(PLACEHOLDER)) {
                LOG.warn("SSM parameter {} still holds its placeholder: set it with aws ssm put-parameter", p.name());
            } else {
                found.put(name, p.value().trim());
            }
        }
        if (!r.invalidParameters().isEmpty()) {
            LOG.info("SSM parameters not found (left unset): {}", r.invalidParameters());
        }
        return found;
    }

    /** The configuration with the API tokens filled from SSM where the environment/file left them unset. */
    public static AgentConfig resolveTokens(AgentConfig config, SsmClient ssm) {
        if (!config.ssm().enabled()) {
            return config;
        }
        Map<String, String> s = read(ssm, config.ssm().parameterPrefix(), List.of(VIEWER_TOKEN, OPERATOR_TOKEN, WEBHOOK_TOKEN));
        AuthConfig a = config.auth();
        AuthConfig auth = new AuthConfig(
                blank(a.viewerToken()) ? s.get(VIEWER_TOKEN) : a.viewerToken(),
                blank(a.operatorToken()) ? s.get(OPERATOR_TOKEN) : a.operatorToken(),
                a.tokens(), a.tokenFile(), a.failuresPerMinute(),
                blank(a.webhookToken()) ? s.get(WEBHOOK_TOKEN) : a.webhookToken());
        LOG.info("API tokens from SSM under {}: viewer {}, operator {}, webhook {}", config.ssm().parameterPrefix(),
                s.containsKey(VIEWER_TOKEN) ? "set" : "unset", s.containsKey(OPERATOR_TOKEN) ? "set" : "unset",
                s.containsKey(WEBHOOK_TOKEN) ? "set" : "unset");
        return config.withAuth(auth);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
