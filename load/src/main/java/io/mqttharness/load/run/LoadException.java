package io.mqttharness.load.run;

/** A load run could not start or complete; the message is written for the user. */
public final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean notApplicable;

    public LoadException(String message) {
        this(message, null, false);
    }

    public LoadException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private LoadException(String message, Throwable cause, boolean notApplicable) {
        super(message, cause);
        this.notApplicable = notApplicable;
    }

    /**
     * The workload needs an optional feature the broker does not offer (shared subscriptions for fan-in): the
     * broker is not at fault, the workload does not apply to it.
     */
    public static LoadException notApplicable(String message) {
        return new LoadException(message, null, true);
    }

    /** Whether this is a workload that does not apply to the broker rather than a failure. */
    public boolean isNotApplicable() {
        return notApplicable;
    }
}
