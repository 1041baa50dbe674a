package io.mqttharness.cli;

import io.mqttharness.reports.conformance.ConformanceReport;

/**
 * Exit codes of {@code certify}, chosen so that a CI job can tell a non-conformant broker (1) from a run that could
 * not judge it (3).
 */
final class CertifyExitCodes {
    /** Nothing failed (with a baseline: every verdict is as the baseline expects). */
    static final int PASSED = 0;
    /** A scenario failed (with a baseline: a verdict differs from it). */
    static final int FAILED = 1;
    /** Bad command line, profile, baseline or scenario file. */
    static final int BAD_INPUT = CliException.BAD_INPUT;
    /** The target cannot be reached, refuses every connection, or the harness could not judge (ERROR results). */
    static final int NOT_JUDGED = 3;

    private CertifyExitCodes() {
    }

    /**
     * The exit code of a finished run: 3 when the broker accepted no version at all (nothing was tested); with a
     * baseline 0 when the run matches it, else 1; without one 1 when a scenario FAILED, else 3 when one had an
     * ERROR, else 0.
     */
    static int of(ConformanceReport report) {
        if (report.nothingChecked()) {
            return NOT_JUDGED;
        }
        if (report.baseline() != null) {
            return report.baseline().matches() ? PASSED : FAILED;
        }
        if (report.hasFailures()) {
            return FAILED;
        }
        return report.hasErrors() ? NOT_JUDGED : PASSED;
    }
}
