package io.mqttharness.broker.server;

import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.delivery.MessageRouter;
import io.mqttharness.broker.persistence.BrokerPersistence;
import io.mqttharness.broker.routing.RetainedStore;
import io.mqttharness.broker.routing.SharedSubscriptionSelector;
import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.broker.security.BrokerSecurity;
import io.mqttharness.broker.session.QueuePolicy;
import io.mqttharness.broker.session.SessionStore;
import io.mqttharness.broker.sys.BrokerStats;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The broker-wide services every connection shares: configuration, security, subscriptions, retained messages,
 * sessions, the router, statistics and one timer thread for session expiry, delayed wills and {@code $SYS}.
 * All of them are thread safe. With persistence on, the stores start with the state found on disk.
 */
public final class BrokerContext {
    /** How long a new connection may take to send CONNECT before it is closed. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    private final BrokerConfig config;
    private final BrokerSecurity security;
    private final BrokerStats stats = new BrokerStats();
    private final SubscriptionTree subscriptions = new SubscriptionTree();
    private final RetainedStore retained = new RetainedStore();
    private final SharedSubscriptionSelector sharedSelector = new SharedSubscriptionSelector();
    private final ScheduledExecutorService timer;
    private final SessionStore sessions;
    private final MessageRouter router;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private final long connectTimeoutMillis;
    private final BrokerPersistence persistence;

    /**
     * @throws io.mqttharness.broker.persistence.PersistenceException when persistence is on and its directory
     *     is locked by another broker or holds a corrupt file
     */
    public BrokerContext(BrokerConfig config, BrokerSecurity security, long connectTimeoutMillis) {
        this.config = config;
        this.security = security;
        this.connectTimeoutMillis = connectTimeoutMillis;
        // first, so that a locked or corrupt directory fails before any thread is started
        this.persistence = BrokerPersistence.open(config);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("mqtt-broker-timer");
            t.setDaemon(true);
            return t;
        });
        // cancelled expiry timers of reconnecting clients must not pile up in the queue
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        this.sessions = new SessionStore(subscriptions, timer, this::publishWill,
                new QueuePolicy(config.maxQueuedMessages(), config.maxQueuedBytes(), config.queueFullPolicy(),
                        config.queueQos0Messages(), stats),
                persistence.sessionJournal());
        this.router = new MessageRouter(subscriptions, sharedSelector, retained, sessions, security,
                config.retainAvailable());
        try {
            persistence.restoreInto(sessions, subscriptions, retained);
        } catch (RuntimeException e) {
            timer.shutdownNow();
            persistence.close();
            throw e;
        }
    }

    private void publishWill(String clientId, io.mqttharness.codec.packet.MqttPublish will) {
        router.route(will, clientId, System.nanoTime());
    }

    public BrokerConfig config() { return config; }
    public BrokerSecurity security() { return security; }
    public BrokerStats stats() { return stats; }
    public SubscriptionTree subscriptions() { return subscriptions; }
    public RetainedStore retained() { return retained; }
    public ScheduledExecutorService timer() { return timer; }
    public SessionStore sessions() { return sessions; }
    public MessageRouter router() { return router; }
    public ConnectionRegistry connections() { return connections; }
    public long connectTimeoutMillis() { return connectTimeoutMillis; }
    /** On-disk persistence; {@link BrokerPersistence#disabled()} when off. */
    public BrokerPersistence persistence() { return persistence; }
}
