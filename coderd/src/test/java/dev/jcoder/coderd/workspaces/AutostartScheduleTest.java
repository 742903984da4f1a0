package dev.jcoder.coderd.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutostartScheduleTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void nextFollowsMinuteHourAndDaysInTheScheduleZone() {
        assertThat(AutostartSchedule.parse("30 9 * * 1-5").next(MONDAY)).isEqualTo(Instant.parse("2026-12-07T09:30:00Z"));
        assertThat(AutostartSchedule.parse("CRON_TZ=America/New_York 0 8 * * MON").next(MONDAY))
                .isEqualTo(Instant.parse("2026-12-07T13:00:00Z"));
        assertThat(AutostartSchedule.parse("0 7 * * 0,6").next(MONDAY)).isEqualTo(Instant.parse("2026-12-12T07:00:00Z"));
        assertThat(AutostartSchedule.parse("*/15 * * * *").next(Instant.parse("2026-12-07T10:07:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T10:15:00Z"));
        assertThat(AutostartSchedule.parse("30 9 * * *").next(Instant.parse("2026-12-07T09:30:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T09:30:00Z"));
    }

    @Test
    void nextAllowedSkipsDaysTheTemplateForbids() {
        var schedule = AutostartSchedule.parse("0 9 * * *");
        assertThat(schedule.nextAllowed(MONDAY, List.of("wednesday"))).contains(Instant.parse("2026-12-09T09:00:00Z"));
        assertThat(schedule.nextAllowed(MONDAY, List.of())).isEmpty();
    }

    @Test
    void malformedSchedulesSayWhy() {
        assertThatThrownBy(() -> AutostartSchedule.parse("30 9 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> AutostartSchedule.parse("30 9 1 * *")).hasMessageContaining("month and dom to be *");
        assertThatThrownBy(() -> AutostartSchedule.parse("30 9 * 2 *")).hasMessageContaining("month and dom to be *");
        assertThatThrownBy(() -> AutostartSchedule.parse("CRON_TZ=Nowhere/Land 30 9 * * *"))
                .hasMessageContaining("unknown time zone Nowhere/Land");
        assertThatThrownBy(() -> AutostartSchedule.parse("60 9 * * *")).hasMessageContaining("above maximum (59)");
        assertThatThrownBy(() -> AutostartSchedule.parse("0 24 * * *")).hasMessageContaining("above maximum (23)");
        assertThatThrownBy(() -> AutostartSchedule.parse("0 9 * * 7")).hasMessageContaining("above maximum (6)");
        assertThatThrownBy(() -> AutostartSchedule.parse("0 9 * * 5-1")).hasMessageContaining("beyond end of range");
        assertThatThrownBy(() -> AutostartSchedule.parse("x 9 * * *")).hasMessageContaining("failed to parse int from x");
        assertThat(AutostartSchedule.parseOptional("  ")).isEmpty();
    }
}
