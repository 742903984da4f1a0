package dev.jcoder.coderd.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PubsubTest {

    @Test
    void subscriberHearsPublishesAndIsToldToRereadAfterTheConnectionIsLost() throws Exception {
        try (TestCoderd server = TestCoderd.start()) {
            var database = server.coderd().database();
            try (Pubsub pubsub = Pubsub.start(database.jdbcUrl(), database.dataSource())) {
                BlockingQueue<String> received = new LinkedBlockingQueue<>();
                try (var subscription = pubsub.subscribe("pubsub_test", received::add)) {
                    pubsub.publish("pubsub_test", "one");
                    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("one");

                    // Kill every listening backend (ours and coderd's own): the pubsub must reconnect.
                    database.jdbi().useHandle(h -> h.createQuery("""
                                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                    WHERE datname = current_database() AND query LIKE 'LISTEN%'""")
                            .mapTo(Boolean.class).list());
                    assertThat(received.poll(15, TimeUnit.SECONDS)).as("re-read signal after reconnect").isEqualTo("");
                    pubsub.publish("pubsub_test", "two");
                    String next;
                    do {
                        next = received.poll(5, TimeUnit.SECONDS);
                    } while ("".equals(next));
                    assertThat(next).isEqualTo("two");
                }
                pubsub.publish("pubsub_test", "after unsubscribe");
                assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
            }
        }
    }

    @Test
    void closeStopsTheListenerThread() {
        try (TestCoderd server = TestCoderd.start()) {
            var database = server.coderd().database();
            Pubsub pubsub = Pubsub.start(database.jdbcUrl(), database.dataSource());
            assertThat(pubsub.isRunning()).isTrue();
            pubsub.close();
            assertThat(pubsub.isRunning()).isFalse();
        }
    }
}
