package io.mqttharness.broker.persistence;

/**
 * Persistence cannot go on: the directory is locked by another broker, a file is corrupt (the message names the
 * file and the offset), or the storage failed. The broker refuses to start rather than lose data silently.
 */
public final class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message) {
        super(message);
    }

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
