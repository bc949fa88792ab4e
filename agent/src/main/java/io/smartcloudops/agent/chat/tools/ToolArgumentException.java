package io.smartcloudops.agent.chat.tools;

import io.smartcloudops.agent.chat.RejectedInput;

/** A tool call whose arguments are invalid; names the argument. Nothing was done. */
public final class ToolArgumentException extends RejectedInput {

    public ToolArgumentException(String field, String reason) {
        super(field, reason);
    }
}
