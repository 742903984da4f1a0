package dev.jcoder.agent.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.WorkspaceAgentListeningPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ListeningPortsTest {
    @Test
    void parsesListenSocketsOnly() {
        List<String> table = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0",
                "   1: 0100007F:9C40 0100007F:0BB8 01 00000000:00000000 00:00000000 00000000  1000        0 4343 1 0",
                "   2: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0");
        Map<Integer, Long> ports = new TreeMap<>();
        ListeningPorts.parse(table, ports);
        assertThat(ports).containsExactly(Map.entry(22, 4444L), Map.entry(3000, 4242L));
    }

    @Test
    void findsARealListenerWithItsProcessAndLeavesOutExcludedAndWellKnownPorts() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket excluded = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<WorkspaceAgentListeningPort> ports = ListeningPorts.system().list(Set.of(excluded.getLocalPort()));
            assertThat(ports).anySatisfy(port -> {
                assertThat(port.port()).isEqualTo(server.getLocalPort());
                assertThat(port.network()).isEqualTo("tcp");
                assertThat(port.processName()).isEqualTo("java");
            });
            assertThat(ports).noneMatch(port -> port.port() == excluded.getLocalPort() || port.port() == 22
                    || port.port() < ListeningPorts.MIN_PORT);
        }
    }
}
