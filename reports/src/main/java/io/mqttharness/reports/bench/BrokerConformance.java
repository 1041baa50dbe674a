package io.mqttharness.reports.bench;

import java.util.Map;

/**
 * One broker's statement verdicts as the report shows them, with a link to the packet trace of every failure.
 *
 * @param verdicts statement -> verdict name (PASSED, FAILED, NOT_APPLICABLE, ERROR, OBSERVATION, NOT_COVERED ...)
 * @param links statement -> relative URL of the failing scenario's trace in the broker's certify report
 * @param reportLink relative URL of the broker's certify report, or null when it has none
 * @param totals the counts the headline shows
 */
public record BrokerConformance(Map<StatementKey, String> verdicts, Map<StatementKey, String> links,
        String reportLink, ConformanceTotals totals) {

    /**
     * Passed / failed / not applicable counts of a broker.
     *
     * @param passed PASSED
     * @param failed FAILED
     * @param notApplicable NOT_APPLICABLE
     * @param other every other verdict (ERROR, OBSERVATION, not covered)
     * @param basis what was counted: {@code statements}, or {@code scenario runs} when the bench only had counts
     */
    public record ConformanceTotals(int passed, int failed, int notApplicable, int other, String basis) {
    }
}
