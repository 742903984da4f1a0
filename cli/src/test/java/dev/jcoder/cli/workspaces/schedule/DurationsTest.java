package dev.jcoder.cli.workspaces.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void goDurationsAndBareMinutesAreRead() {
        assertThat(Durations.parse("8h", "stop-after")).isEqualTo(Duration.ofHours(8));
        assertThat(Durations.parse("1h30m", "stop-after")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("90", "duration")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("45s", "duration")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void badDurationsNameTheFlag() {
        assertThatThrownBy(() -> Durations.parse("8 hours", "--stop-after"))
                .hasMessage("Invalid --stop-after \"8 hours\": use a duration such as 8h, 90m or 1h30m.");
        assertThatThrownBy(() -> Durations.parse("", "--stop-after")).hasMessageContaining("Invalid --stop-after");
        assertThatThrownBy(() -> Durations.parse("-1h", "--stop-after")).hasMessageContaining("Invalid --stop-after");
    }

    @Test
    void displayIsCodersShortForm() {
        assertThat(Durations.display(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.display(Duration.ofSeconds(59))).isEqualTo("<1m");
        assertThat(Durations.display(Duration.ofHours(8))).isEqualTo("8h");
        assertThat(Durations.display(Duration.ofMinutes(90).plusSeconds(40))).isEqualTo("1h30m");
        assertThat(Durations.display(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(Durations.display(Duration.ofHours(26).plusMinutes(59))).isEqualTo("1d2h");
        assertThat(Durations.display(Duration.ofMinutes(-5))).isEqualTo("5m");
        assertThat(Durations.relative(Duration.ofMinutes(-5))).isEqualTo("5m ago");
        assertThat(Durations.relative(Duration.ofHours(2))).isEqualTo("in 2h");
        assertThat(Durations.relative(Duration.ZERO)).isEqualTo("now");
    }
}
