package io.mqttharness.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageResourcesTest {

    @Test
    void fill_replaces_placeholders_once_without_scanning_the_values() {
        String out = PageResources.fill("<a>{{x}}</a><b>{{y}}</b>", Map.of("x", "{{y}} $1 \\", "y", "Y"));
        assertThat(out).isEqualTo("<a>{{y}} $1 \\</a><b>Y</b>");
    }

    @Test
    void fill_rejects_a_placeholder_without_value() {
        assertThatThrownBy(() -> PageResources.fill("{{missing}}", Map.of()))
                .hasMessageContaining("{{missing}}");
    }

    @Test
    void the_bundled_echarts_library_is_on_the_classpath() {
        String echarts = PageResources.text(PageResources.ECHARTS);
        assertThat(echarts.length()).isGreaterThan(500_000);
        assertThat(echarts).contains("echarts").doesNotContain("</script");
    }
}
