package io.smartcloudops.agent.dataset;

import java.io.IOException;

/** A CSV that does not have one of the two accepted shapes; the message names file and line. */
public final class CsvFormatException extends IOException {
    public CsvFormatException(String message) {
        super(message);
    }
}
