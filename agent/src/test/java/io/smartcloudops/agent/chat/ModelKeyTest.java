package io.smartcloudops.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.config.AwsConfig;
import io.smartcloudops.agent.config.ChatConfig;
import io.smartcloudops.agent.config.ConfigException;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import io.smartcloudops.api.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The model key from SSM Parameter Store (the real SDK against a local server speaking SSM's JSON 1.1) or the environment. */
class ModelKeyTest {

    static final String PARAM = "/smartcloudops/openai/api_key";

    FakeAws aws;
    AwsClients clients;

    @BeforeEach
    void setUp() throws Exception {
        aws = new FakeAws();
        clients = new AwsClients(new AwsConfig("eu-west-1", null, null, new AwsConfig.Endpoints(aws.endpoint(), null, null), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(1)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTTESTTESTTEST", "test-secret")));
    }

    @AfterEach
    void tearDown() {
        clients.close();
        aws.close();
    }

    static ChatConfig openAi(String ssmParameter) {
        ChatConfig d = ChatConfig.defaults();
        return new ChatConfig(ChatConfig.OPENAI, null, d.model(), ssmParameter, d.timeout(), d.maxRetries(), d.maxToolRounds(),
                d.maxOutputTokens(), d.rateLimitPerMinute(), d.maxQuestionChars(), d.maxToolOutputChars(), d.contextTtl(),
                d.maxTurns(), d.timeZone());
    }

    @Test
    void readsTheDecryptedParameterOnce() throws Exception {
        aws.on("GetParameter", c -> Reply.json("{\"Parameter\":{\"Name\":\"" + PARAM + "\",\"Type\":\"SecureString\","
                + "\"Value\":\"sk-from-ssm-0123456789abcdef\",\"Version\":2}}"));
        assertThat(ModelKey.resolve(openAi(PARAM), Map.of("OPENAI_API_KEY", "sk-env"), clients::ssm))
                .as("SSM wins when configured").hasValue("sk-from-ssm-0123456789abcdef");
        FakeAws.Call call = aws.calls("GetParameter").getFirst();
        assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
        var body = Json.mapper().readTree(call.body());
        assertThat(body.path("Name").asText()).isEqualTo(PARAM);
        assertThat(body.path("WithDecryption").asBoolean()).isTrue();
    }

    @Test
    void aMissingParameterOrTheTerraformPlaceholderStopsTheStartNamingTheKey() {
        aws.then("GetParameter", Reply.jsonError(400, "ParameterNotFound", "Parameter /smartcloudops/openai/api_key not found."));
        assertThatThrownBy(() -> ModelKey.resolve(openAi(PARAM), Map.of(), clients::ssm))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .startsWith("chat.api_key_ssm_parameter: cannot read " + PARAM + " from SSM (ParameterNotFound"));
        aws.on("GetParameter", c -> Reply.json("{\"Parameter\":{\"Name\":\"" + PARAM + "\",\"Value\":\"CHANGE_ME\"}}"));
        assertThatThrownBy(() -> ModelKey.resolve(openAi(PARAM), Map.of(), clients::ssm))
                .hasMessageContaining("chat.api_key_ssm_parameter").hasMessageContaining("placeholder CHANGE_ME");
    }

    @Test
    void withoutSsmTheEnvironmentIsReadAndTheOfflineBackendNeedsNoKey() {
        assertThat(ModelKey.resolve(openAi(null), Map.of("OPENAI_API_KEY", "sk-b", "SMARTCLOUDOPS_CHAT_API_KEY", "sk-a"),
                clients::ssm)).hasValue("sk-a");
        assertThat(ModelKey.resolve(openAi(null), Map.of("OPENAI_API_KEY", "sk-b"), clients::ssm)).hasValue("sk-b");
        assertThat(ModelKey.resolve(ChatConfig.defaults(), Map.of(), clients::ssm)).isEmpty();
        assertThat(aws.calls()).isEmpty();
    }
}
