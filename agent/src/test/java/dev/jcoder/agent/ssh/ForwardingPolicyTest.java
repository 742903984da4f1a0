package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForwardingPolicyTest {
    @Test
    void onlyLoopbackBindAddressesAreLoopback() {
        assertThat(ForwardingPolicy.isLoopback("localhost")).isTrue();
        assertThat(ForwardingPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(ForwardingPolicy.isLoopback("::1")).isTrue();
        assertThat(ForwardingPolicy.isLoopback("")).isFalse();
        assertThat(ForwardingPolicy.isLoopback("*")).isFalse();
        assertThat(ForwardingPolicy.isLoopback("0.0.0.0")).isFalse();
        assertThat(ForwardingPolicy.isLoopback("192.0.2.1")).isFalse();
    }
}
