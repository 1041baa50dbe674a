package io.mqttharness.broker.session;

import io.mqttharness.broker.routing.SubscriptionTree;
import io.mqttharness.codec.packet.MqttPublish;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * All sessions by client identifier, with their life cycle: open on CONNECT (Clean Start, resume), close when
 * the network connection ends (Session Expiry Interval, delayed wills) and end on expiry.
 *
 * <p>Life cycle changes take the store's monitor, so that a CONNECT, an expiry and a connection loss for the
 * same client identifier are strictly ordered; they are rare compared with message delivery, which only looks a
 * session up ({@link #get}) and then takes that session's own lock. Code holding the store monitor may take a
 * session lock, never the other way round.
 */
public final class SessionStore {
    private static final long MAX_SCHEDULE_SECONDS = TimeUnit.DAYS.toSeconds(365 * 100);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Session, ScheduledFuture<?>> expiryTimers = new ConcurrentHashMap<>();
    private final SubscriptionTree subscriptions;
    private final ScheduledExecutorService timer;
    private final WillPublisher willPublisher;
    private final QueuePolicy policy;
    private final SessionJournal journal;

    public SessionStore(SubscriptionTree subscriptions, ScheduledExecutorService timer, WillPublisher willPublisher,
            QueuePolicy policy) {
        this(subscriptions, timer, willPublisher, policy, null);
    }

    /**
     * @param journal where the changes of persistent sessions go, or null when persistence is off
     */
    public SessionStore(SubscriptionTree subscriptions, ScheduledExecutorService timer, WillPublisher willPublisher,
            QueuePolicy policy, SessionJournal journal) {
        this.subscriptions = subscriptions;
        this.timer = timer;
        this.willPublisher = willPublisher;
        this.policy = policy;
        this.journal = journal;
    }

    /** The queue bound new and restored sessions share. */
    public QueuePolicy policy() {
        return policy;
    }

    /** The session of a client identifier, online or not, or null. */
    public Session get(String clientId) {
        return sessions.get(clientId);
    }

    public Collection<Session> all() {
        return sessions.values();
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Opens the session for a CONNECT that was accepted. Clean Start 1 ends an existing session and starts a new
     * one (MQTT-3.1.2-4 in 5.0, MQTT-3.1.2-6 in 3.1.1); Clean Start 0 resumes an existing session
     * (MQTT-3.1.2-5 in 5.0, MQTT-3.1.2-4 in 3.1.1) or creates one (MQTT-3.1.2-6 in 5.0, MQTT-3.1.2-4 in 3.1.1).
     * Resuming cancels the session's
     * expiry and its delayed will (MQTT-3.1.3-9 in 5.0); ending it publishes the delayed will (the session ended first).
     *
     * <p>With persistence on, a session whose Session Expiry Interval is above 0 is persistent: from now on its
     * changes are journaled, and a resumed session with expiry 0 is forgotten on disk at once (it ends with this
     * connection anyway).
     *
     * @param username the authenticated user, kept with a persistent session for authorization after a restart
     * @param expirySeconds the Session Expiry Interval granted to this connection
     * @return the session, whether it was present, and the connection that owned it until now (to be taken over)
     */
    public synchronized OpenResult open(String clientId, boolean cleanStart, SessionOwner newOwner, String username,
            long expirySeconds) {
        Session existing = sessions.get(clientId);
        SessionOwner previousOwner = null;
        if (existing != null) {
            previousOwner = existing.owner();
            cancelExpiry(existing);
        }
        Session session;
        boolean present;
        if (existing == null || cleanStart) {
            if (existing != null) {
                end(existing);
            }
            session = new Session(clientId, policy);
            sessions.put(clientId, session);
            present = false;
        } else {
            session = existing;
            present = true;
            PendingWill will = existing.takePendingWill();
            if (will != null) {
                will.cancelTimer();
            }
        }
        session.attach(newOwner);
        session.username(username);
        if (journal != null) {
            session.persist(expirySeconds > 0 ? journal : null, username, expirySeconds,
                    subscriptions.subscriptionsOf(clientId));
        }
        return new OpenResult(session, present, previousOwner);
    }

    /**
     * As {@link #open}, unless a session with this client identifier exists (online or offline) and belongs to
     * another user (another authenticated user name, or one side anonymous): then nothing changes and the result is
     * {@code null}. Checked under the store's lock, so that two users racing for one identifier cannot both win.
     */
    public synchronized OpenResult openUnlessOwnedByOther(String clientId, boolean cleanStart, SessionOwner newOwner,
            String username, long expirySeconds) {
        Session existing = sessions.get(clientId);
        if (existing != null && !existing.isEnded() && !java.util.Objects.equals(existing.username(), username)) {
            return null;
        }
        return open(clientId, cleanStart, newOwner, username, expirySeconds);
    }

    /**
     * The network connection of {@code owner} closed. If it still owned the session, the session goes offline:
     * it ends now when its expiry is 0, or is scheduled to expire (never for {@link Session#NEVER_EXPIRES}). A
     * will (null when it must not be published) is published now when its delay is 0, else when the delay passes
     * or the session ends, whichever comes first (MQTT 5.0 section 3.1.3.2.2).
     */
    public synchronized void connectionClosed(Session session, SessionOwner owner, long expirySeconds,
            MqttPublish will, long willDelaySeconds) {
        if (!session.detach(owner)) {
            return;
        }
        if (will != null) {
            if (willDelaySeconds <= 0 || expirySeconds == 0) {
                willPublisher.publishWill(session.clientId(), will);
            } else {
                PendingWill pending = new PendingWill(will);
                session.pendingWill(pending);
                if (willDelaySeconds < expirySeconds) {
                    pending.timer(timer.schedule(() -> willDelayPassed(session, pending), willDelaySeconds,
                            TimeUnit.SECONDS));
                }
            }
        }
        if (expirySeconds == 0) {
            end(session);
            return;
        }
        session.journalOffline(expirySeconds);
        if (expirySeconds != Session.NEVER_EXPIRES) {
            long delay = Math.min(expirySeconds, MAX_SCHEDULE_SECONDS);
            expiryTimers.put(session, timer.schedule(() -> expire(session), delay, TimeUnit.SECONDS));
        }
    }

    /**
     * Adds an offline session restored from disk (before any connection is accepted). It ends after
     * {@code remainingExpirySeconds}, or never for {@link Session#NEVER_EXPIRES}.
     */
    public synchronized void restore(Session session, long remainingExpirySeconds) {
        sessions.put(session.clientId(), session);
        if (remainingExpirySeconds != Session.NEVER_EXPIRES) {
            long delay = Math.max(0, Math.min(remainingExpirySeconds, MAX_SCHEDULE_SECONDS));
            expiryTimers.put(session, timer.schedule(() -> expire(session), delay, TimeUnit.SECONDS));
        }
    }

    private synchronized void willDelayPassed(Session session, PendingWill pending) {
        if (session.hasPendingWill(pending)) {
            session.takePendingWill();
            willPublisher.publishWill(session.clientId(), pending.will());
        }
    }

    private synchronized void expire(Session session) {
        expiryTimers.remove(session);
        if (sessions.get(session.clientId()) == session && !session.isOnline()) {
            end(session);
        }
    }

    private void cancelExpiry(Session session) {
        ScheduledFuture<?> t = expiryTimers.remove(session);
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Ends a session: its subscriptions go, queued messages are dropped and a delayed will is published. */
    private void end(Session session) {
        cancelExpiry(session);
        sessions.remove(session.clientId(), session);
        subscriptions.removeAllOf(session.clientId());
        session.end();
        PendingWill will = session.takePendingWill();
        if (will != null) {
            will.cancelTimer();
            willPublisher.publishWill(session.clientId(), will.will());
        }
    }

    /** Ends every session, for broker shutdown; wills are not published then. */
    public synchronized void clear() {
        for (ScheduledFuture<?> t : expiryTimers.values()) {
            t.cancel(false);
        }
        expiryTimers.clear();
        for (Session s : sessions.values()) {
            PendingWill w = s.takePendingWill();
            if (w != null) {
                w.cancelTimer();
            }
            s.detachJournal();
            s.end();
        }
        sessions.clear();
    }

    /**
     * Result of {@link #open}.
     *
     * @param session the session now owned by the new connection
     * @param present Session Present flag for the CONNACK
     * @param previousOwner the connection that owned the session before (to be disconnected), or null
     */
    public record OpenResult(Session session, boolean present, SessionOwner previousOwner) {
    }
}
