package io.mqttharness.broker.persistence;

/**
 * The kinds of journal record, with their on-disk codes (never renumber: files written by older brokers must
 * stay readable). Snapshots consist of the same records, written as a minimal replay of the state.
 */
enum RecordType {
    SESSION_CREATED(1),
    SESSION_RESUMED(2),
    SESSION_OFFLINE(3),
    SESSION_ENDED(4),
    SUBSCRIBED(5),
    UNSUBSCRIBED(6),
    ENQUEUED(7),
    TAKEN(8),
    DROPPED(9),
    RELEASED(10),
    COMPLETED(11),
    INBOUND_AWAITING_PUBREL(12),
    INBOUND_RELEASED(13),
    RETAINED_STORED(14),
    RETAINED_REMOVED(15);

    private static final RecordType[] BY_CODE = new RecordType[16];

    static {
        for (RecordType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    final int code;

    RecordType(int code) {
        this.code = code;
    }

    /** The type of a code, or null for an unknown code. */
    static RecordType fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
