package io.smartcloudops.agent.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartcloudops.agent.config.AgentConfig;
import io.smartcloudops.agent.config.ConfigLoader;
import io.smartcloudops.agent.remediate.AwsClients;
import io.smartcloudops.agent.testing.FakeAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Tokens from SSM Parameter Store through the real SDK, against a local server speaking SSM's JSON 1.1. */
class SsmSecretsTest {

    private static AgentConfig config(FakeAws aws, Map<String, String> env) {
        return new ConfigLoader(env).load(null, Map.of("ssm.parameter_prefix", "/smartcloudops",
                "aws.region", "us-east-1", "aws.endpoints.ssm", aws.endpoint()));
    }

    private static AwsClients clients(AgentConfig c) {
        return new AwsClients(c.aws(), StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTONLY", "not-a-real-secret")));
    }

    @Test
    void fillsUnsetTokensDecryptedAndKeepsEnvironmentOverrides() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.on("GetParameters", call -> FakeAws.Reply.json("""
                    {"Parameters": [
                      {"Name": "/smartcloudops/api/viewer_token", "Type": "SecureString", "Value": "viewer-from-ssm-0123456789", "Version": 2},
                      {"Name": "/smartcloudops/api/operator_token", "Type": "SecureString", "Value": "CHANGE_ME", "Version": 1}
                    ], "InvalidParameters": []}"""));
            AgentConfig c = config(aws, Map.of());
            try (AwsClients clients = clients(c)) {
                AgentConfig resolved = SsmSecrets.resolveTokens(c, clients.ssm());
                assertThat(resolved.auth().viewerToken()).isEqualTo("viewer-from-ssm-0123456789");
                assertThat(resolved.auth().operatorToken()).as("Terraform's placeholder is not a token").isNull();
            }
            FakeAws.Call call = aws.calls().getFirst();
            assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameters");
            assertThat(call.body()).contains("\"WithDecryption\":true").contains("/smartcloudops/api/viewer_token")
                    .contains("/smartcloudops/api/operator_token");

            AgentConfig withEnv = config(aws, Map.of("SMARTCLOUDOPS_VIEWER_TOKEN", "viewer-from-env-0123456789"));
            try (AwsClients clients = clients(withEnv)) {
                assertThat(SsmSecrets.resolveTokens(withEnv, clients.ssm()).auth().viewerToken())
                        .as("the environment wins").isEqualTo("viewer-from-env-0123456789");
            }
        }
    }

    @Test
    void accessDeniedStopsTheStartWithTheReason() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.on("GetParameters", call -> FakeAws.Reply.jsonError(400, "AccessDeniedException",
                    "not authorized to perform: ssm:GetParameters"));
            AgentConfig c = config(aws, Map.of());
            try (AwsClients clients = clients(c)) {
                assertThatThrownBy(() -> SsmSecrets.resolveTokens(c, clients.ssm()))
                        .hasMessageStartingWith("ssm.parameter_prefix: cannot read SSM parameters under /smartcloudops")
                        .hasMessageContaining("not authorized");
            }
        }
    }

    @Test
    void prefixIsValidated() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(null, Map.of("ssm.parameter_prefix", "smartcloudops; rm")))
                .hasMessageStartingWith("ssm.parameter_prefix");
    }
}
