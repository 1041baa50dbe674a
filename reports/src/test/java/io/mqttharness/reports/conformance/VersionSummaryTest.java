package io.mqttharness.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.spec.Verdict;
import org.junit.jupiter.api.Test;

class VersionSummaryTest {

    @Test
    void counts_scenarios_per_verdict_of_one_version_only() {
        VersionSummary v5 = VersionSummary.of(ReportFixtures.run(), ReportFixtures.V5);

        assertThat(v5.scenarioTotal()).isEqualTo(4);
        assertThat(v5.scenarios(Verdict.PASSED)).isEqualTo(1);
        assertThat(v5.scenarios(Verdict.FAILED)).isEqualTo(1);
        assertThat(v5.scenarios(Verdict.OBSERVATION)).isEqualTo(1);
        assertThat(v5.scenarios(Verdict.NOT_APPLICABLE)).isEqualTo(1);
        assertThat(v5.scenarios(Verdict.ERROR)).isZero();
        assertThat(v5.scenarioCounts()).doesNotContainKey(Verdict.NOT_COVERED);
    }

    @Test
    void coverage_counts_server_testable_statements_checked_by_a_scenario() {
        VersionSummary v3 = VersionSummary.of(ReportFixtures.run(), ReportFixtures.V3);
        VersionSummary v5 = VersionSummary.of(ReportFixtures.run(), ReportFixtures.V5);

        assertThat(v3.covered()).isEqualTo(2);
        assertThat(v3.serverTestable()).isEqualTo(3);
        assertThat(v3.coveragePercent()).isEqualTo(66.7);
        assertThat(v5.covered()).isEqualTo(4);
        assertThat(v5.serverTestable()).isEqualTo(5);
        assertThat(v5.coveragePercent()).isEqualTo(80.0);
        assertThat(v5.statements(Verdict.NOT_COVERED)).isEqualTo(1);
    }
}
