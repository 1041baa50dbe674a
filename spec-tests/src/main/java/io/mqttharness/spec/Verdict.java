package io.mqttharness.spec;

/** Outcome of a scenario run or of a normative statement. */
public enum Verdict {
    /** The broker did what the specification requires. */
    PASSED,
    /** The broker did something the specification forbids or did not do what it requires. */
    FAILED,
    /** A SHOULD/MAY check did not hold: reported, not a failure. */
    OBSERVATION,
    /** The broker lacks a capability the check needs (or does not speak the version). */
    NOT_APPLICABLE,
    /** The harness could not judge: bad scenario, unreachable broker, timeout of the harness itself. */
    ERROR,
    /** A server-testable statement that no selected scenario checks (statement verdicts only). */
    NOT_COVERED
}
