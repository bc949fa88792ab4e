package io.smartcloudops.agent.chat;

/** A question the assistant refuses to read (empty, too long, bad conversation id); names the field. */
public final class QuestionRejected extends RejectedInput {

    public QuestionRejected(String field, String reason) {
        super(field, reason);
    }
}
