package io.smartcloudops.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell script of the SSM restart document, rebuilt from the HCL the way Terraform renders
 * it: HCL string escapes undone, {@code $${} back to {@code ${}, and the allow-list local
 * expanded from the variable's default.
 */
final class RestartDocument {

    private static final Pattern RUN_COMMAND = Pattern.compile("runCommand\\s*=\\s*\\[(.*?)\\n\\s*]", Pattern.DOTALL);
    private static final Pattern HCL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RestartDocument() {
    }

    static String script(Terraform tf) {
        String content = Terraform.expr(tf.resource("aws_ssm_document", "restart_service").path("content"));
        Matcher list = RUN_COMMAND.matcher(content);
        if (!list.find()) {
            throw new AssertionError("no runCommand list in the restart document");
        }
        List<String> words = new ArrayList<>();
        tf.variables().get("restart_allowed_services").path("default").forEach(s -> words.add("'" + s.asText() + "'"));
        String allowed = String.join(" ", words);

        StringBuilder script = new StringBuilder();
        Matcher item = HCL_STRING.matcher(list.group(1));
        while (item.find()) {
            String line = item.group(1)
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\")
                    .replace("${local.restart_allowed_words}", allowed)
                    .replace("$${", "${");
            if (line.contains("${local.") || line.contains("${var.")) {
                throw new AssertionError("unexpected Terraform interpolation in the script: " + line);
            }
            script.append(line).append('\n');
        }
        return script.toString();
    }
}
