package dev.jcoder.tunnel.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.tunnel.Bytes;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionClosedException;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Yamux straight over TCP (the raw-upgrade path): same sessions, no WebSocket framing or masking. */
@Timeout(60)
class ByteStreamTransportTest {

    @Test
    void sessionsRunOverATcpSocketAndStopTheirReaders() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Socket dialled = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket accepted = listener.accept();
            ByteStreamTransport clientTransport = ByteStreamTransport.of(dialled);
            ByteStreamTransport serverTransport = ByteStreamTransport.of(accepted);
            Session client = Session.client(clientTransport, SessionConfig.defaults());
            Session server = Session.server(serverTransport, SessionConfig.defaults());

            assertThat(client.ping().get(5, TimeUnit.SECONDS)).isPositive();
            Stream out = client.open();
            Future<String> received = threads.submit(() -> Bytes.readAll(server.accept().inputStream()));
            String sent = Bytes.writeRandom(out.outputStream(), 30_000_000, 4);
            out.closeWrite();
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent + "/30000000");

            Stream idle = server.open();
            Future<Integer> blocked = threads.submit(() -> idle.inputStream().read());
            dialled.close(); // the connection drops under both sessions
            assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SessionClosedException.class);
            client.terminated().get(10, TimeUnit.SECONDS);
            server.terminated().get(10, TimeUnit.SECONDS);
            clientTransport.readerStopped().get(10, TimeUnit.SECONDS);
            serverTransport.readerStopped().get(10, TimeUnit.SECONDS);
            assertThat(accepted.isClosed()).isTrue();
        }
    }
}
