package dev.jcoder.tunnel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.tunnel.Bytes;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Over a link with a 20 ms round trip, the receive window grows towards bandwidth × RTT. */
@Timeout(60)
class WindowAutoTuneTest {

    @Test
    void windowGrowsOnASlowRoundTripAndTheDelayLineStops() throws Exception {
        SessionConfig config = SessionConfig.defaults().withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(10));
        PipeTransport.Pair pipe = PipeTransport.pair();
        DelayedTransport delayed = new DelayedTransport(pipe.server(), Duration.ofMillis(20));
        Session sender = Session.client(pipe.client(), config);
        Session receiver = Session.server(delayed, config);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // The keepalive's first ping measures the round trip that steers growth.
            sender.ping().get(5, TimeUnit.SECONDS);
            receiver.ping().get(5, TimeUnit.SECONDS);
            assertThat(receiver.rtt()).get().matches(rtt -> rtt.toMillis() >= 20);

            Stream out = sender.open();
            Stream in = receiver.accept();
            Future<String> received = threads.submit(() -> Bytes.readAll(in.inputStream()));
            long size = 24L * 1024 * 1024;
            String sent = Bytes.writeRandom(out.outputStream(), size, 9);
            out.closeWrite();
            assertThat(received.get(50, TimeUnit.SECONDS)).isEqualTo(sent + "/" + size);
            assertThat(in.receiveWindowSize()).isGreaterThanOrEqualTo(2L * 1024 * 1024);
        } finally {
            sender.close();
            receiver.close();
        }
        receiver.terminated().get(10, TimeUnit.SECONDS);
        delayed.stopped().get(10, TimeUnit.SECONDS);
    }
}
