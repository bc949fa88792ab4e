package io.smartcloudops.api.remediation;

import java.util.List;

/**
 * One thing an action does, exactly: a process with its argument list, or an AWS API call with its
 * parameters. A dry run answers with these steps and runs none of them.
 *
 * @param kind        {@code process} (argv, run without a shell) or {@code aws} (service and operation)
 * @param description what it does, for people
 * @param command     the argv of a process, or {@code [service, operation, Name=value...]} of an API call
 */
public record PlanStep(String kind, String description, List<String> command) {

    public PlanStep {
        command = List.copyOf(command);
    }
}
