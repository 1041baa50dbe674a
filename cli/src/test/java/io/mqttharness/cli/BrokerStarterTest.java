package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class BrokerStarterTest {

    @Test
    void nested_bind_exception_means_address_in_use() {
        RuntimeException failure = new IllegalStateException("cannot open listener 127.0.0.1:1883",
                new BindException("Address already in use"));

        assertThat(BrokerStarter.isAddressInUse(failure)).isTrue();
    }

    @Test
    void native_transport_message_means_address_in_use() {
        RuntimeException failure = new UncheckedIOException(
                new IOException("bind(..) failed: Address already in use"));

        assertThat(BrokerStarter.isAddressInUse(failure)).isTrue();
    }

    @Test
    void other_failures_are_not_address_in_use() {
        RuntimeException failure = new IllegalStateException("cannot read certfile server.crt",
                new IOException("No such file or directory"));

        assertThat(BrokerStarter.isAddressInUse(failure)).isFalse();
    }
}
