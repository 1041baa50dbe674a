package io.mqttharness.broker.security;

import io.mqttharness.broker.config.BrokerConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An access control list in mosquitto's {@code acl_file} format (mosquitto.conf(5), acl_file), with mosquitto
 * 2.0's evaluation order:
 * <ul>
 *   <li>{@code topic [read|write|readwrite|deny] TOPIC} lines before any {@code user} line apply to clients
 *       without a user name; after {@code user NAME} they apply to that user only. Without an access word the
 *       access is readwrite; a single word after {@code topic} is the topic. TOPIC is the rest of the line and
 *       may use {@code +} and {@code #}.</li>
 *   <li>{@code pattern [read|write|readwrite|deny] TOPIC} lines apply to every client wherever they are
 *       written; {@code %c} and {@code %u} stand for the client id and the user name, anywhere in a level as in
 *       mosquitto ({@code devices/dev-%c/#}). Unlike mosquitto's string substitution, the value never spans levels:
 *       a client id {@code a/b} substituted into one level is compared as that one level.
 *       A {@code %u} pattern never applies to a client without a user name, and when pattern rules exist a
 *       client whose id or user name contains {@code +} or {@code #} is denied (as mosquitto does, so that a
 *       client cannot widen its own patterns).</li>
 *   <li>A check looks at the client's own list (its user's, or the anonymous list), then at the patterns;
 *       in each, deny rules come first, then the others in file order. The first rule that matches and denies
 *       or grants the access decides; nothing matching means denied. A topic starting with {@code $} is only
 *       matched by rules that start with {@code $}.</li>
 *   <li>Publishing needs write access to the topic; delivering a message needs read access to its topic.
 *       A SUBSCRIBE needs a read rule that covers the whole filter (every topic it can match), and is refused
 *       by a deny rule that covers the whole filter; a filter that only overlaps a deny rule is accepted and
 *       the denied topics are then filtered per message. mosquitto 2.0's built-in ACL check accepted every
 *       SUBSCRIBE and filtered only per message; checking the filter lets the broker answer a SUBSCRIBE that
 *       can never deliver anything with Not authorized.</li>
 *   <li>A file with no rules denies everything (mosquitto since the fix of CVE-2018-12550).</li>
 * </ul>
 */
public final class AclFile {

    private static final Logger LOG = LoggerFactory.getLogger(AclFile.class);

    /** The access a rule grants; {@link #DENY} refuses. */
    public enum Access {
        READ, WRITE, READWRITE, DENY;

        boolean grantsRead() {
            return this == READ || this == READWRITE;
        }

        boolean grantsWrite() {
            return this == WRITE || this == READWRITE;
        }
    }

    /** What is being checked. */
    enum Operation { PUBLISH, RECEIVE, SUBSCRIBE }

    private record Rule(Access access, String topic, String[] levels, boolean usesClientId, boolean usesUsername) {
    }

    /** Rules per user name; the anonymous list is under {@code null}. Deny rules first. */
    private final Map<String, List<Rule>> userRules;
    private final List<Rule> patterns;

    private AclFile(Map<String, List<Rule>> userRules, List<Rule> patterns) {
        this.userRules = userRules;
        this.patterns = patterns;
    }

    /** Reads an ACL file; an unreadable file or bad line is a {@link BrokerConfigException}. */
    public static AclFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerConfigException(file + ": cannot read ACL file: " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Parses ACL text; {@code sourceName} appears in error messages. */
    public static AclFile parse(String text, String sourceName) {
        Map<String, List<Rule>> users = new HashMap<>();
        List<Rule> patterns = new ArrayList<>();
        String user = null;
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] keyAndRest = line.split("\\s+", 2);
            String keyword = keyAndRest[0];
            String rest = keyAndRest.length > 1 ? keyAndRest[1].strip() : "";
            switch (keyword) {
                case "user" -> {
                    if (rest.isEmpty()) {
                        throw BrokerConfigException.at(sourceName, number, "missing user name after 'user'");
                    }
                    user = rest;
                }
                case "topic", "pattern" -> {
                    Rule rule = rule(sourceName, number, keyword, rest);
                    if (keyword.equals("pattern")) {
                        if (!rule.usesClientId() && !rule.usesUsername()) {
                            LOG.warn("{}:{}: ACL pattern '{}' contains neither %c nor %u", sourceName, number,
                                    rule.topic());
                        }
                        add(patterns, rule);
                    } else {
                        add(users.computeIfAbsent(user, u -> new ArrayList<>()), rule);
                    }
                }
                default -> throw BrokerConfigException.at(sourceName, number, "invalid ACL line, expected "
                        + "'user NAME', 'topic [read|write|readwrite|deny] TOPIC' or 'pattern [...] TOPIC': '"
                        + line + "'");
            }
        }
        Map<String, List<Rule>> frozen = new HashMap<>();
        users.forEach((name, rules) -> frozen.put(name, List.copyOf(rules)));
        return new AclFile(frozen, List.copyOf(patterns));
    }

    private static Rule rule(String sourceName, int number, String keyword, String rest) {
        if (rest.isEmpty()) {
            throw BrokerConfigException.at(sourceName, number, "missing topic after '" + keyword + "'");
        }
        String[] accessAndTopic = rest.split("\\s+", 2);
        Access access = Access.READWRITE;
        String topic = rest;
        if (accessAndTopic.length == 2) {
            access = switch (accessAndTopic[0]) {
                case "read" -> Access.READ;
                case "write" -> Access.WRITE;
                case "readwrite" -> Access.READWRITE;
                case "deny" -> Access.DENY;
                default -> throw BrokerConfigException.at(sourceName, number, "invalid access type '"
                        + accessAndTopic[0] + "', expected read, write, readwrite or deny");
            };
            topic = accessAndTopic[1].strip();
        }
        String problem = AclTopics.filterProblem(topic);
        if (problem != null) {
            throw BrokerConfigException.at(sourceName, number, "invalid ACL topic '" + topic + "': " + problem);
        }
        String[] levels = AclTopics.split(topic);
        boolean usesClientId = false;
        boolean usesUsername = false;
        for (String level : levels) {
            usesClientId |= level.contains("%c");
            usesUsername |= level.contains("%u");
        }
        return new Rule(access, topic, levels, usesClientId, usesUsername);
    }

    /** mosquitto puts deny rules at the front of their list so that they are checked first. */
    private static void add(List<Rule> rules, Rule rule) {
        if (rule.access() == Access.DENY) {
            int firstGrant = 0;
            while (firstGrant < rules.size() && rules.get(firstGrant).access() == Access.DENY) {
                firstGrant++;
            }
            rules.add(firstGrant, rule);
        } else {
            rules.add(rule);
        }
    }

    /** Whether the client may publish to the topic name {@code topic}. */
    public boolean canPublish(String clientId, String username, String topic) {
        return check(clientId, username, topic, Operation.PUBLISH);
    }

    /** Whether a message on the topic name {@code topic} may be delivered to the client. */
    public boolean canReceive(String clientId, String username, String topic) {
        return check(clientId, username, topic, Operation.RECEIVE);
    }

    /**
     * Whether the client may subscribe to {@code topicFilter}. A shared subscription {@code $share/GROUP/FILTER}
     * is checked as FILTER, the topics it delivers.
     */
    public boolean canSubscribe(String clientId, String username, String topicFilter) {
        return check(clientId, username, stripSharePrefix(topicFilter), Operation.SUBSCRIBE);
    }

    static String stripSharePrefix(String filter) {
        if (filter.startsWith("$share/")) {
            int slash = filter.indexOf('/', "$share/".length());
            if (slash > 0) {
                return filter.substring(slash + 1);
            }
        }
        return filter;
    }

    boolean check(String clientId, String username, String target, Operation operation) {
        List<Rule> own = userRules.get(username);
        if (own == null && patterns.isEmpty()) {
            return false;
        }
        String[] targetLevels = AclTopics.split(target);
        boolean dollar = target.startsWith("$");
        if (own != null) {
            Boolean decision = decide(own, targetLevels, dollar, operation, null, null);
            if (decision != null) {
                return decision;
            }
        }
        if (patterns.isEmpty()) {
            return false;
        }
        if (clientId == null || hasWildcard(clientId) || (username != null && hasWildcard(username))) {
            return false;
        }
        Boolean decision = decide(patterns, targetLevels, dollar, operation, clientId, username);
        return decision != null && decision;
    }

    /** The first deciding rule's verdict, or {@code null} when no rule decides. */
    private static Boolean decide(List<Rule> rules, String[] target, boolean dollar, Operation operation,
            String clientId, String username) {
        for (Rule rule : rules) {
            if (dollar && !rule.topic().startsWith("$")) {
                continue;
            }
            if (rule.usesUsername() && username == null) {
                continue;
            }
            String[] levels = clientId == null ? rule.levels() : substitute(rule.levels(), clientId, username);
            boolean matches = operation == Operation.SUBSCRIBE
                    ? AclTopics.coversFilter(levels, target)
                    : AclTopics.matchesTopic(levels, target);
            if (!matches) {
                continue;
            }
            if (rule.access() == Access.DENY) {
                return Boolean.FALSE;
            }
            boolean granted = operation == Operation.PUBLISH ? rule.access().grantsWrite() : rule.access().grantsRead();
            if (granted) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    private static String[] substitute(String[] levels, String clientId, String username) {
        String[] out = levels.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].indexOf('%') >= 0) {
                out[i] = substitute(out[i], clientId, username);
            }
        }
        return out;
    }

    /** One pass, so that a client id containing "%u" is not substituted again. */
    private static String substitute(String level, String clientId, String username) {
        StringBuilder b = new StringBuilder(level.length() + 16);
        for (int i = 0; i < level.length(); i++) {
            char c = level.charAt(i);
            if (c == '%' && i + 1 < level.length() && (level.charAt(i + 1) == 'c' || level.charAt(i + 1) == 'u')) {
                b.append(level.charAt(i + 1) == 'c' ? clientId : username);
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasWildcard(String value) {
        return value.indexOf('+') >= 0 || value.indexOf('#') >= 0;
    }
}
