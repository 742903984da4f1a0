package dev.jcoder.agent.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    private static Instant next(String expression, Instant after) {
        return CronSchedule.parse(expression, ZoneOffset.UTC).next(after);
    }

    @Test
    void sixFieldsStartWithSeconds() {
        assertThat(next("*/5 * * * * *", NOON)).isEqualTo(Instant.parse("2026-11-25T12:00:05Z"));
        assertThat(next("0 */15 * * * *", NOON)).isEqualTo(Instant.parse("2026-11-25T12:15:00Z"));
        assertThat(next("30 0 9 * * *", NOON)).isEqualTo(Instant.parse("2026-11-26T09:00:30Z"));
    }

    @Test
    void dayOfWeekIsOptionalAndSevenIsSunday() {
        assertThat(next("0 0 0 1 *", NOON)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        // 2026-11-25 is a Wednesday; the next Sunday is the 29th.
        assertThat(next("0 0 8 * * 7", NOON)).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(next("0 0 8 * * 1-5", NOON)).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void restrictedDayOfMonthOrWeekEitherMatches() {
        // The 30th (Monday) or any Friday (the 27th), whichever comes first.
        assertThat(next("0 0 0 30 * 5", NOON)).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    }

    @Test
    void descriptors() {
        assertThat(next("@hourly", NOON)).isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
        assertThat(next("@daily", NOON)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(next("@every 90s", NOON)).isEqualTo(Instant.parse("2026-11-25T12:01:30Z"));
    }

    @Test
    void invalidSchedulesSayWhy() {
        assertThatThrownBy(() -> CronSchedule.parse("* * *", ZoneOffset.UTC)).hasMessageContaining("5 or 6 fields");
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * * *", ZoneOffset.UTC)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CronSchedule.parse("x * * * * *", ZoneOffset.UTC)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 0 31 2 *", ZoneOffset.UTC).next(NOON))
                .hasMessageContaining("never fires");
    }
}
