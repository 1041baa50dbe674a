package io.mqttharness.broker.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: every failed login of a (client address, user name) pair is refused only after a
 * delay that starts at {@code initialMillis} and doubles with each further failure of the pair, up to
 * {@code maxMillis} ({@code failed_login_delay_ms}, {@code failed_login_delay_max_ms}). A successful login of the
 * pair, or {@link #FORGET_AFTER_MILLIS} without a failure, starts it over. Keyed by the pair rather than by address
 * alone, so that one user mistyping a password does not slow down everyone behind the same NAT; the number of
 * pairs remembered is bounded ({@link #MAX_ENTRIES}, least recently failed forgotten first), so that an attacker
 * cannot grow it without limit. Thread safe.
 */
public final class LoginThrottle {
    /** A pair quiet for this long starts again at the initial delay. */
    static final long FORGET_AFTER_MILLIS = TimeUnit.MINUTES.toMillis(15);
    static final int MAX_ENTRIES = 10_000;

    private final long initialMillis;
    private final long maxMillis;
    private final LongSupplier clockMillis;
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Failures(int count, long lastMillis) {
    }

    public LoginThrottle(long initialMillis, long maxMillis) {
        this(initialMillis, maxMillis, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    LoginThrottle(long initialMillis, long maxMillis, LongSupplier clockMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = Math.max(initialMillis, maxMillis);
        this.clockMillis = clockMillis;
    }

    /** Records a failed login and returns how long to wait before refusing it (0: at once). */
    public long failed(String address, String username) {
        if (initialMillis <= 0) {
            return 0;
        }
        long now = clockMillis.getAsLong();
        String key = key(address, username);
        synchronized (failures) {
            Failures before = failures.get(key);
            int count = before == null || now - before.lastMillis() > FORGET_AFTER_MILLIS ? 1 : before.count() + 1;
            failures.put(key, new Failures(count, now));
            return delayFor(count);
        }
    }

    /** A successful login: the pair starts over. */
    public void succeeded(String address, String username) {
        synchronized (failures) {
            failures.remove(key(address, username));
        }
    }

    /** initial * 2^(n-1), capped; computed without overflow for large n. */
    long delayFor(int failureCount) {
        long delay = initialMillis;
        for (int i = 1; i < failureCount && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }

    /** Pairs currently remembered. */
    int size() {
        synchronized (failures) {
            return failures.size();
        }
    }

    private static String key(String address, String username) {
        // NUL cannot appear in an MQTT UTF-8 string [MQTT-1.5.4-2], so the pair is unambiguous
        return address + '\0' + (username == null ? "" : username);
    }
}
