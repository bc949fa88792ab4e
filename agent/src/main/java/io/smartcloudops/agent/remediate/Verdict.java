package io.smartcloudops.agent.remediate;

/**
 * What verification found after an action.
 *
 * @param effective whether the problem went away (unit active again, condition no longer true, capacity up)
 * @param detail    what was checked and seen
 */
public record Verdict(boolean effective, String detail) {
}
