/**
 * Message routing of the reference broker: the subscription trie ({@link io.mqttharness.broker.routing.SubscriptionTree}),
 * the choice of one member per shared-subscription group
 * ({@link io.mqttharness.broker.routing.SharedSubscriptionSelector}) and the retained-message store
 * ({@link io.mqttharness.broker.routing.RetainedStore}). Everything here is thread-safe, with lock-free reads.
 */
package io.mqttharness.broker.routing;
