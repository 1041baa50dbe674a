/**
 * Launchers of the brokers the harness certifies and benchmarks, each in its own process: the reference broker
 * (a child JVM on the harness's classpath), mosquitto (the installed binary), HiveMQ CE and Moquette (child JVMs
 * with classpaths resolved from Maven Central) and container images (Testcontainers, when a Docker engine is there).
 * Start with {@link io.mqttharness.brokers.BrokerLaunchers#forName(String)}.
 */
package io.mqttharness.brokers;
