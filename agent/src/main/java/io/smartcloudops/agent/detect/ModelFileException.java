package io.smartcloudops.agent.detect;

import java.io.IOException;

/** A model file that cannot be used: missing, changed since training, or not a model at all. */
public final class ModelFileException extends IOException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
