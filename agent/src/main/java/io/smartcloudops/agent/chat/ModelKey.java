package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.secrets.SsmSecrets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where the model's API key comes from, like the agent's other secrets: {@code SMARTCLOUDOPS_CHAT_API_KEY},
 * else {@code OPENAI_API_KEY} (the environment wins), else the SSM SecureString
 * {@code <ssm.parameter_prefix>/openai/api_key} read once at start. With the openai backend a missing key
 * (or Terraform's placeholder) stops the start with the key named; the offline backend needs none.
 */
public final class ModelKey {

    /** Environment variables the key is read from, in order. */
    public static final List<String> VARIABLES = List.of("SMARTCLOUDOPS_CHAT_API_KEY", "OPENAI_API_KEY");

    private ModelKey() {
    }

    private static Optional<String> environment(Map<String, String> env) {
        return VARIABLES.stream().map(env::get).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
    }

    /** Fails early (before anything is built) when the openai backend can have no key at all. */
    public static void check(AgentConfig config, Map<String, String> env) {
        if (config.chat().usesModel() && environment(env).isEmpty() && !config.ssm().enabled()) {
            throw missing("");
        }
    }

    /** The key the model backend uses; empty with the offline backend. */
    public static Optional<String> resolve(AgentConfig config, Map<String, String> env, Supplier<SsmClient> ssm) {
        if (!config.chat().usesModel()) {
            return Optional.empty();
        }
        Optional<String> fromEnv = environment(env);
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        if (config.ssm().enabled()) {
            String value = SsmSecrets.read(ssm.get(), config.ssm().parameterPrefix(), List.of(SsmSecrets.OPENAI_API_KEY))
                    .get(SsmSecrets.OPENAI_API_KEY);
            if (value != null) {
                return Optional.of(value);
            }
            String prefix = config.ssm().parameterPrefix().replaceAll("/+$", "");
            throw missing(", nor in SSM (" + prefix + "/" + SsmSecrets.OPENAI_API_KEY + " is missing or still Terraform's "
                    + "placeholder: aws ssm put-parameter --overwrite --type SecureString --name " + prefix + "/"
                    + SsmSecrets.OPENAI_API_KEY + " --value ...)");
        }
        throw missing("");
    }

    private static ConfigException missing(String ssm) {
        return new ConfigException("chat.backend", "openai needs an API key and there is none in SMARTCLOUDOPS_CHAT_API_KEY or "
                + "OPENAI_API_KEY" + ssm + " (any non-empty value for servers that do not check keys, such as a local Ollama; "
                + "or set chat.backend: offline)");
    }
}
