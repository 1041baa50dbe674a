package io.mqttharness.broker.routing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One topic level of the {@link RetainedStore} trie. Readers see the volatile message and the concurrent
 * children map without locking; every mutation happens under the store's writer lock.
 */
final class RetainedNode {

    final RetainedNode parent;
    /** The topic level this node stands for; {@code null} for the root. */
    final String level;
    volatile RetainedMessage message;
    /** Created on first child: most nodes are leaves. */
    volatile ConcurrentHashMap<String, RetainedNode> children;

    RetainedNode(RetainedNode parent, String level) {
        this.parent = parent;
        this.level = level;
    }

    RetainedNode child(String topicLevel) {
        ConcurrentHashMap<String, RetainedNode> map = children;
        return map == null ? null : map.get(topicLevel);
    }

    /** Writer only. */
    RetainedNode getOrCreateChild(String topicLevel) {
        ConcurrentHashMap<String, RetainedNode> map = children;
        if (map == null) {
            map = new ConcurrentHashMap<>(4);
            children = map;
        }
        RetainedNode child = map.get(topicLevel);
        if (child == null) {
            child = new RetainedNode(this, topicLevel);
            map.put(topicLevel, child);
        }
        return child;
    }

    /** Writer only: detaches an empty child. */
    void removeChild(RetainedNode child) {
        ConcurrentHashMap<String, RetainedNode> map = children;
        if (map != null) {
            map.remove(child.level, child);
            if (map.isEmpty()) {
                children = null;
            }
        }
    }

    boolean isEmpty() {
        ConcurrentHashMap<String, RetainedNode> map = children;
        return message == null && (map == null || map.isEmpty());
    }

    /** A root-level node whose topics begin with '$' (MQTT-4.7.2-1). */
    boolean isDollarRootLevel() {
        return parent != null && parent.parent == null && !level.isEmpty() && level.charAt(0) == '$';
    }
}
