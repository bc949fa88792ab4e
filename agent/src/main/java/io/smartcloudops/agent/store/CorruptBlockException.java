package io.smartcloudops.agent.store;

/** A sealed block that does not decode to what it says it holds: it is dropped, never served. */
final class CorruptBlockException extends Exception {

    CorruptBlockException(String message) {
        super(message, null, false, false);
    }
}
