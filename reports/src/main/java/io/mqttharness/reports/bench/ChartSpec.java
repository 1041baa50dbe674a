package io.mqttharness.reports.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chart of the report page: an Apache ECharts option object, rendered into its own container. String values
 * of the form {@code @fmt:NAME} stand for JavaScript formatter functions that the page supplies (JSON cannot
 * carry functions).
 *
 * @param id unique ID, also the suffix of the container's element ID ({@code chart-<id>})
 * @param group which part of the page it belongs to: {@code rate}, {@code latency}, {@code resources},
 *     {@code connections}
 * @param title heading shown above it
 * @param option the ECharts option
 */
public record ChartSpec(String id, String group, String title, ObjectNode option) {
}
