/** {@code mqtt-harness bench}: certifies and load-tests several brokers in turn and samples their resources. */
package io.mqttharness.bench;
