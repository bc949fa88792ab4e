package io.smartcloudops.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcloudops.agent.testing.FakeAws;
import io.smartcloudops.agent.testing.FakeAws.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar ({@code agent/target/smartcloudops-agent.jar}), not the test classpath, runs the AWS
 * path: the SDK's service metadata, signers and the HTTP client must all survive shading (TOOLCHAIN G1
 * is the kind of trap this catches). Runs after {@code package}, as a failsafe integration test.
 */
class ShadedJarAwsIT {

    private static final String WEB1 = "i-0123456789abcdef0";

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private Run run(String... args) throws Exception {
        Path jar = Path.of("target", "smartcloudops-agent.jar").toAbsolutePath();
        assertThat(jar).as("run `./mvnw package` first").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.accessKeyId=AKIDTESTONLY", "-Daws.secretAccessKey=test-secret-key-not-real",
                "-Daws.disableEc2Metadata=true", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SMARTCLOUDOPS_"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theShadedJarRestartsThroughSsmAndScalesUpThroughAutoScaling() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.on("SendCommand", FakeAws.always(Reply.json("{\"Command\":{\"CommandId\":\"cmd-1\"}}")));
            aws.on("GetCommandInvocation", FakeAws.always(Reply.json("{\"CommandId\":\"cmd-1\",\"InstanceId\":\"" + WEB1
                    + "\",\"Status\":\"Success\",\"StatusDetails\":\"Success\",\"ResponseCode\":0,"
                    + "\"StandardOutputContent\":\"restarted nginx.service\"}")));
            aws.on("DescribeAutoScalingInstances", FakeAws.always(Reply.xml(FakeAws.queryResponse("DescribeAutoScalingInstances",
                    FakeAws.AUTOSCALING_NS, "<AutoScalingInstances><member><InstanceId>" + WEB1 + "</InstanceId>"
                            + "<AutoScalingGroupName>asg-web</AutoScalingGroupName><AvailabilityZone>eu-west-1a</AvailabilityZone>"
                            + "<LifecycleState>InService</LifecycleState><HealthStatus>HEALTHY</HealthStatus>"
                            + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>"))));
            aws.on("DescribeAutoScalingGroups", FakeAws.always(Reply.xml(FakeAws.group("asg-web", 1, 3, 1))));
            aws.on("SetDesiredCapacity", FakeAws.always(Reply.xml(FakeAws.queryResponse("SetDesiredCapacity",
                    FakeAws.AUTOSCALING_NS, null))));
            Files.writeString(dir.resolve("agent.yaml"), """
                    remediation:
                      enabled: true
                      executor: aws
                      allowed_units: [nginx]
                      verification_delay: 0s
                      targets:
                        web-1: {instance_id: %s}
                    aws:
                      region: eu-west-1
                      ssm_document: smartcloudops-restart-service
                      endpoints: {ssm: "%s", autoscaling: "%s"}
                      poll_interval: 50ms
                    """.formatted(WEB1, aws.endpoint(), aws.endpoint()));

            Run restart = run("remediate", "restart-service", "--config", "agent.yaml", "--target", "web-1", "--unit", "nginx",
                    "--reason", "integration test");
            assertThat(restart.exit()).as(restart.output()).isZero();
            assertThat(restart.output()).contains("result: success", "restarted nginx.service", "effective: true");
            assertThat(aws.calls("SendCommand")).singleElement()
                    .satisfies(c -> assertThat(c.body()).contains("\"ServiceName\":[\"nginx\"]", WEB1));

            Run scale = run("remediate", "scale-up", "--config", "agent.yaml", "--target", "web-1", "--no-verify");
            assertThat(scale.exit()).as(scale.output()).isZero();
            assertThat(scale.output()).contains("desired capacity 1 -> 2 (max 3)");
            assertThat(aws.calls("SetDesiredCapacity")).singleElement()
                    .satisfies(c -> assertThat(c.form()).containsEntry("DesiredCapacity", "2"));

            Run unsafe = run("remediate", "restart-service", "--config", "agent.yaml", "--target", "web-1",
                    "--unit", "nginx;reboot");
            assertThat(unsafe.exit()).isEqualTo(2);
            assertThat(unsafe.output()).contains("params.unit");
            assertThat(aws.calls("SendCommand")).hasSize(1);

            Run verify = run("audit", "verify", "logs");
            assertThat(verify.exit()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("OK: ", "hash chain intact");
        }
    }
}
