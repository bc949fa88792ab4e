package io.smartcloudops.agent.chat;

import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Where the model's API key comes from: the SSM SecureString {@code chat.api_key_ssm_parameter} when set
 * (read once at start, decrypted), else {@code SMARTCLOUDOPS_CHAT_API_KEY}, else {@code OPENAI_API_KEY}.
 * With the openai backend a missing key stops the start with the key named; the offline backend needs none.
 */
public final class ModelKey {

    /** Environment variables the key is read from, in order. */
    public static final List<String> VARIABLES = List.of("SMARTCLOUDOPS_CHAT_API_KEY", "OPENAI_API_KEY");
    /** What Terraform writes into the parameter until someone sets the real key. */
    static final String PLACEHOLDER = "CHANGE_ME";

    private ModelKey() {
    }

    /** The key from the environment; checked before anything is built when SSM is not configured. */
    public static Optional<String> fromEnvironment(ChatConfig chat, Map<String, String> env) {
        Optional<String> key = VARIABLES.stream().map(env::get).filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst();
        if (chat.usesModel() && !chat.keyFromSsm() && key.isEmpty()) {
            throw new ConfigException("chat.backend", "openai needs an API key in SMARTCLOUDOPS_CHAT_API_KEY or OPENAI_API_KEY "
                    + "(any non-empty value for servers that do not check keys, such as a local Ollama), or "
                    + "chat.api_key_ssm_parameter");
        }
        return key;
    }

    /** The key the model backend uses; empty with the offline backend. */
    public static Optional<String> resolve(ChatConfig chat, Map<String, String> env, Supplier<SsmClient> ssm) {
        if (!chat.usesModel()) {
            return fromEnvironment(chat, env);
        }
        if (!chat.keyFromSsm()) {
            return fromEnvironment(chat, env);
        }
        String name = chat.apiKeySsmParameter().trim();
        String value;
        try {
            value = ssm.get().getParameter(GetParameterRequest.builder().name(name).withDecryption(true).build())
                    .parameter().value();
        } catch (SsmException e) {
            String why = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            throw new ConfigException("chat.api_key_ssm_parameter", "cannot read " + name + " from SSM (" + why + ")");
        } catch (SdkException e) {
            throw new ConfigException("chat.api_key_ssm_parameter", "cannot read " + name + " from SSM (" + e.getMessage() + ")");
        }
        if (value == null || value.isBlank() || value.trim().equals(PLACEHOLDER)) {
            throw new ConfigException("chat.api_key_ssm_parameter", name + " holds no key yet (" + (value == null || value.isBlank()
                    ? "empty" : "Terraform's placeholder " + PLACEHOLDER) + "): set it with aws ssm put-parameter --overwrite "
                    + "--type SecureString --name " + name + " --value ..., or use chat.backend: offline");
        }
        return Optional.of(value.trim());
    }
}
