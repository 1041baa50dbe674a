package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.BrokerConfigException;
import org.junit.jupiter.api.Test;

class AclFileTest {

    private static AclFile acl(String text) {
        return AclFile.parse(text, "aclfile");
    }

    @Test
    void anonymous_rules_come_before_the_first_user_line() {
        AclFile acl = acl("""
                # anonymous clients
                topic read public/#
                user alice
                topic alice/#
                """);

        assertThat(acl.canReceive("c1", null, "public/news")).isTrue();
        assertThat(acl.canPublish("c1", null, "public/news")).isFalse();
        assertThat(acl.canPublish("c1", null, "alice/x")).isFalse();
        assertThat(acl.canPublish("c2", "alice", "alice/x")).isTrue();
        assertThat(acl.canReceive("c2", "alice", "alice/x")).isTrue();
        // anonymous rules do not apply to a named user
        assertThat(acl.canReceive("c2", "alice", "public/news")).isFalse();
    }

    @Test
    void user_without_section_is_denied_when_there_are_no_patterns() {
        AclFile acl = acl("user alice\ntopic #\n");

        assertThat(acl.canPublish("c", "bob", "anything")).isFalse();
        assertThat(acl.canPublish("c", "alice", "anything")).isTrue();
    }

    @Test
    void access_words_grant_read_write_or_both() {
        AclFile acl = acl("""
                user u
                topic read r/#
                topic write w/#
                topic readwrite rw/#
                topic plain/#
                """);

        assertThat(acl.canReceive("c", "u", "r/1")).isTrue();
        assertThat(acl.canPublish("c", "u", "r/1")).isFalse();
        assertThat(acl.canReceive("c", "u", "w/1")).isFalse();
        assertThat(acl.canPublish("c", "u", "w/1")).isTrue();
        assertThat(acl.canReceive("c", "u", "rw/1")).isTrue();
        assertThat(acl.canPublish("c", "u", "rw/1")).isTrue();
        assertThat(acl.canReceive("c", "u", "plain/1")).isTrue();
        assertThat(acl.canPublish("c", "u", "plain/1")).isTrue();
    }

    @Test
    void deny_wins_over_a_broader_grant_even_when_written_after_it() {
        AclFile acl = acl("""
                user u
                topic readwrite home/#
                topic deny home/secret
                """);

        assertThat(acl.canPublish("c", "u", "home/kitchen")).isTrue();
        assertThat(acl.canPublish("c", "u", "home/secret")).isFalse();
        assertThat(acl.canReceive("c", "u", "home/secret")).isFalse();
    }

    @Test
    void single_level_and_multi_level_wildcards_match_as_in_subscriptions() {
        AclFile acl = acl("user u\ntopic read a/+/c\ntopic read sport/#\n");

        assertThat(acl.canReceive("c", "u", "a/b/c")).isTrue();
        assertThat(acl.canReceive("c", "u", "a/b/d")).isFalse();
        assertThat(acl.canReceive("c", "u", "a/b/c/d")).isFalse();
        assertThat(acl.canReceive("c", "u", "sport")).isTrue();
        assertThat(acl.canReceive("c", "u", "sport/tennis/player1")).isTrue();
        assertThat(acl.canReceive("c", "u", "sports")).isFalse();
    }

    @Test
    void topics_starting_with_dollar_need_a_rule_starting_with_dollar() {
        AclFile acl = acl("user u\ntopic read #\ntopic read $SYS/broker/#\n");

        assertThat(acl.canReceive("c", "u", "$SYS/broker/uptime")).isTrue();
        assertThat(acl.canReceive("c", "u", "$SYS/other")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "$SYS/#")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "$SYS/broker/#")).isTrue();
    }

    @Test
    void patterns_substitute_client_id_and_user_name_for_all_users() {
        AclFile acl = acl("""
                topic read public
                user alice
                topic read nothing
                pattern readwrite clients/%c/#
                pattern write users/%u/status
                """);

        assertThat(acl.canPublish("dev1", "alice", "clients/dev1/temp")).isTrue();
        assertThat(acl.canPublish("dev1", "alice", "clients/dev2/temp")).isFalse();
        assertThat(acl.canPublish("dev1", "alice", "users/alice/status")).isTrue();
        assertThat(acl.canPublish("dev1", "alice", "users/bob/status")).isFalse();
        // a user without own section and an anonymous client still get the patterns
        assertThat(acl.canPublish("dev3", "carol", "clients/dev3/x")).isTrue();
        assertThat(acl.canPublish("dev4", null, "clients/dev4/x")).isTrue();
    }

    @Test
    void user_name_pattern_never_applies_to_anonymous_clients() {
        AclFile acl = acl("pattern write users/%u/status\n");

        assertThat(acl.canPublish("c", null, "users/%u/status")).isFalse();
        assertThat(acl.canPublish("c", null, "users//status")).isFalse();
        assertThat(acl.canPublish("c", null, "users/null/status")).isFalse();
    }

    @Test
    void pattern_placeholder_is_a_whole_level_so_ids_cannot_span_levels() {
        AclFile acl = acl("pattern write clients/%c\n");

        assertThat(acl.canPublish("a/b", null, "clients/a/b")).isFalse();
        assertThat(acl.canPublish("ab", null, "clients/ab")).isTrue();
    }

    @Test
    void wildcards_in_client_id_or_user_name_are_denied_when_patterns_exist() {
        AclFile acl = acl("pattern readwrite clients/%c/#\npattern readwrite users/%u/#\n");

        assertThat(acl.canPublish("+", null, "clients/x/y")).isFalse();
        assertThat(acl.canPublish("#", null, "clients/#/y")).isFalse();
        assertThat(acl.canPublish("ok", "u+", "users/u+/y")).isFalse();
    }

    @Test
    void deny_pattern_is_checked_before_grant_patterns() {
        AclFile acl = acl("pattern readwrite clients/%c/#\npattern deny clients/%c/admin\n");

        assertThat(acl.canPublish("x", null, "clients/x/data")).isTrue();
        assertThat(acl.canPublish("x", null, "clients/x/admin")).isFalse();
    }

    @Test
    void subscribe_is_checked_against_the_filter_which_must_lie_within_a_read_rule() {
        AclFile acl = acl("""
                user u
                topic read sensors/#
                topic read rooms/+/temp
                topic write cmd/#
                """);

        assertThat(acl.canSubscribe("c", "u", "sensors/#")).isTrue();
        assertThat(acl.canSubscribe("c", "u", "sensors/+/x")).isTrue();
        assertThat(acl.canSubscribe("c", "u", "sensors")).isTrue();
        assertThat(acl.canSubscribe("c", "u", "rooms/+/temp")).isTrue();
        assertThat(acl.canSubscribe("c", "u", "rooms/kitchen/temp")).isTrue();
        // wider than any read rule
        assertThat(acl.canSubscribe("c", "u", "#")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "rooms/#")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "rooms/+/+")).isFalse();
        // write access does not allow subscribing
        assertThat(acl.canSubscribe("c", "u", "cmd/#")).isFalse();
    }

    @Test
    void subscribe_covering_a_denied_topic_is_allowed_but_its_messages_are_filtered() {
        AclFile acl = acl("user u\ntopic read home/#\ntopic deny home/secret\n");

        assertThat(acl.canSubscribe("c", "u", "home/#")).isTrue();
        assertThat(acl.canReceive("c", "u", "home/lamp")).isTrue();
        assertThat(acl.canReceive("c", "u", "home/secret")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "home/secret")).isFalse();
    }

    @Test
    void shared_subscription_is_checked_as_its_filter() {
        AclFile acl = acl("user u\ntopic read jobs/#\n");

        assertThat(acl.canSubscribe("c", "u", "$share/workers/jobs/#")).isTrue();
        assertThat(acl.canSubscribe("c", "u", "$share/workers/other/#")).isFalse();
    }

    @Test
    void pattern_subscribe_uses_substitution() {
        AclFile acl = acl("pattern read inbox/%u/#\n");

        assertThat(acl.canSubscribe("c", "bob", "inbox/bob/#")).isTrue();
        assertThat(acl.canSubscribe("c", "bob", "inbox/+/#")).isFalse();
    }

    @Test
    void a_file_without_rules_denies_everything() {
        AclFile acl = acl("# nothing here\n\n");

        assertThat(acl.canPublish("c", null, "t")).isFalse();
        assertThat(acl.canReceive("c", "u", "t")).isFalse();
        assertThat(acl.canSubscribe("c", "u", "t")).isFalse();
    }

    @Test
    void single_word_after_topic_is_the_topic_with_readwrite_access() {
        AclFile acl = acl("topic read\n");

        assertThat(acl.canPublish("c", null, "read")).isTrue();
        assertThat(acl.canReceive("c", null, "read")).isTrue();
    }

    @Test
    void topic_may_contain_spaces() {
        AclFile acl = acl("user u\ntopic read my topic/#\n");

        assertThat(acl.canReceive("c", "u", "my topic/x")).isTrue();
    }

    @Test
    void user_name_may_contain_spaces() {
        AclFile acl = acl("user John Smith\ntopic read x\n");

        assertThat(acl.canReceive("c", "John Smith", "x")).isTrue();
    }

    @Test
    void invalid_access_type_is_an_error_with_line_number() {
        assertThatThrownBy(() -> acl("user u\ntopic readonly a/b\n"))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessage("aclfile:2: invalid access type 'readonly', expected read, write, readwrite or deny");
    }

    @Test
    void invalid_topic_filter_is_an_error() {
        assertThatThrownBy(() -> acl("topic read a/#/b\n"))
                .hasMessage("aclfile:1: invalid ACL topic 'a/#/b': '#' must be a whole level and the last one");
        assertThatThrownBy(() -> acl("\ntopic read a/b+\n"))
                .hasMessage("aclfile:2: invalid ACL topic 'a/b+': '+' must be a whole level");
    }

    @Test
    void missing_topic_or_user_name_is_an_error() {
        assertThatThrownBy(() -> acl("topic\n")).hasMessage("aclfile:1: missing topic after 'topic'");
        assertThatThrownBy(() -> acl("user\n")).hasMessage("aclfile:1: missing user name after 'user'");
    }

    @Test
    void unknown_line_is_an_error() {
        assertThatThrownBy(() -> acl("# ok\ngroup admins\n"))
                .hasMessageStartingWith("aclfile:2: invalid ACL line");
    }
}
