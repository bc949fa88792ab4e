package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The model key: environment first, else {@code <ssm.parameter_prefix>/openai/api_key} through the real SDK
 * against a local server speaking SSM's JSON 1.1.
 */
class ModelKeyTest {

    FakeAws aws;
    AwsClients clients;

    @BeforeEach
    void setUp() throws Exception {
        aws = new FakeAws();
        clients = new AwsClients(config(true).aws(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "not-a-real-secret")));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        aws.close();
    }

    AgentConfig config(boolean ssm) {
        Map<String, String> o = new HashMap<>(Map.of("chat.backend", "openai", "aws.region", "us-east-1",
                "aws.endpoints.ssm", aws.endpoint()));
        if (ssm) {
            o.put("ssm.parameter_prefix", "/smartcloudops");
        }
        return new ConfigLoader(Map.of()).load(null, o);
    }

    private static Reply parameter(String value) {
        return Reply.json("{\"Parameters\": [{\"Name\": \"/smartcloudops/openai/api_key\", \"Type\": \"SecureString\", "
                + "\"Value\": \"" + value + "\", \"Version\": 3}], \"InvalidParameters\": []}");
    }

    @Test
    void theSsmParameterIsReadDecryptedWhenTheEnvironmentHasNoKey() {
        aws.on("GetParameters", c -> parameter("sk-from-ssm-0123456789abcdef"));
        assertThat(ModelKey.resolve(config(true), Map.of(), clients::ssm)).hasValue("sk-from-ssm-0123456789abcdef");
        FakeAws.Call call = aws.calls("GetParameters").getFirst();
        assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameters");
        assertThat(call.body()).contains("/smartcloudops/openai/api_key").contains("\"WithDecryption\":true");
    }

    @Test
    void theEnvironmentWinsAndNeedsNoSsmCall() {
        assertThat(ModelKey.resolve(config(true), Map.of("OPENAI_API_KEY", "sk-b", "SMARTCLOUDOPS_CHAT_API_KEY", "sk-a"),
                clients::ssm)).hasValue("sk-a");
        assertThat(ModelKey.resolve(config(false), Map.of("OPENAI_API_KEY", "sk-b"), clients::ssm)).hasValue("sk-b");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aPlaceholderOrMissingKeyStopsTheStartNamingWhereToPutIt() {
        aws.on("GetParameters", c -> parameter("CHANGE_ME"));
        assertThatThrownBy(() -> ModelKey.resolve(config(true), Map.of(), clients::ssm))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .startsWith("chat.backend: openai needs an API key")
                        .contains("/smartcloudops/openai/api_key is missing or still Terraform's placeholder"));
        assertThatThrownBy(() -> ModelKey.check(config(false), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SMARTCLOUDOPS_CHAT_API_KEY or OPENAI_API_KEY");
        ModelKey.check(config(true), Map.of());
        AgentConfig offline = new ConfigLoader(Map.of()).load(null, Map.of());
        assertThat(ModelKey.resolve(offline, Map.of(), clients::ssm)).isEmpty();
    }
}
