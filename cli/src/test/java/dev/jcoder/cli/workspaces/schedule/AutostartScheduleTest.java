package dev.jcoder.cli.workspaces.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutostartScheduleTest {
    private static final ZoneId LOCAL = ZoneId.of("America/Chicago");

    private static AutostartSchedule cli(String... parts) {
        return AutostartSchedule.fromCli(List.of(parts), LOCAL);
    }

    @Test
    void timeDaysAndLocationBecomeACronSpec() {
        assertThat(cli("9:30AM", "Mon-Fri", "Europe/Berlin").cron()).isEqualTo("CRON_TZ=Europe/Berlin 30 9 * * 1-5");
        assertThat(cli("9:30AM Mon-Fri Europe/Berlin").cron()).isEqualTo("CRON_TZ=Europe/Berlin 30 9 * * 1-5");
        assertThat(cli("21:05").cron()).isEqualTo("CRON_TZ=America/Chicago 5 21 * * *");
        assertThat(cli("0930", "1,3,5").cron()).isEqualTo("CRON_TZ=America/Chicago 30 9 * * 1,3,5");
        assertThat(cli("12am", "Europe/Dublin").cron()).isEqualTo("CRON_TZ=Europe/Dublin 0 0 * * *");
        assertThat(cli("12:15PM", "sat,SUN", "UTC").cron()).isEqualTo("CRON_TZ=UTC 15 12 * * 6,0");
        assertThat(cli("3pm").cron()).isEqualTo("CRON_TZ=America/Chicago 0 15 * * *");
    }

    @Test
    void malformedSchedulesAreExplained() {
        assertThatThrownBy(() -> cli("25:00")).hasMessageContaining("hh:mm[am|pm] or HH:MM");
        assertThatThrownBy(() -> cli("13:00PM")).hasMessageContaining("hh:mm[am|pm]");
        assertThatThrownBy(() -> cli("soon")).hasMessageContaining("\"soon\"");
        assertThatThrownBy(() -> cli("9:30AM", "Mon-Fri", "CEST")).hasMessageContaining("looks like a timezone abbreviation");
        assertThatThrownBy(() -> cli("9:30AM", "Mon-Fri", "Europe/Berln")).hasMessageContaining("Invalid location \"Europe/Berln\"");
        assertThatThrownBy(() -> cli("9:30AM", "Europe/Berln")).hasMessageContaining("Invalid location");
        assertThatThrownBy(() -> cli("9:30AM", "Funday")).hasMessageContaining("day-of-week");
        assertThatThrownBy(() -> cli("9:30AM", "1-9")).hasMessageContaining("between 0 and 6");
        assertThatThrownBy(() -> cli("9:30AM", "Mon-Fri", "UTC", "extra")).hasMessageContaining("format");
    }

    @Test
    void storedSpecsAreHumanizedAsCoderDoes() {
        assertThat(AutostartSchedule.parse("CRON_TZ=Europe/Dublin 30 9 * * 1-5").humanize())
                .isEqualTo("9:30AM Mon-Fri (Europe/Dublin)");
        assertThat(AutostartSchedule.parse("0 18 * * *").humanize()).isEqualTo("6:00PM daily (UTC)");
        assertThat(AutostartSchedule.parse("CRON_TZ=UTC 5 0 * * Sat,Sun").humanize()).isEqualTo("12:05AM Sat,Sun (UTC)");
        assertThat(AutostartSchedule.parse("CRON_TZ=UTC */15 9 * * */2").humanize()).isEqualTo("cron(*/15 9) */2 (UTC)");
        assertThatThrownBy(() -> AutostartSchedule.parse("0 9 1 * *")).hasMessageContaining("day-of-month and month must be *");
        assertThatThrownBy(() -> AutostartSchedule.parse("0 9 *")).hasMessageContaining("five cron fields");
        assertThatThrownBy(() -> AutostartSchedule.parse("CRON_TZ=Mars/Base 0 9 * * *")).hasMessageContaining("Mars/Base");
    }

    @Test
    void nextFindsTheFollowingStartInTheScheduleLocation() {
        AutostartSchedule weekdays = AutostartSchedule.parse("CRON_TZ=Europe/Berlin 30 9 * * 1-5");
        // Friday 2026-11-27 10:00 Berlin (09:00Z): the next start is Monday 09:30 Berlin = 08:30Z.
        assertThat(weekdays.next(Instant.parse("2026-11-27T09:00:00Z"))).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
        // Thursday 08:00 Berlin: the same day at 09:30.
        assertThat(weekdays.next(Instant.parse("2026-11-26T07:00:00Z"))).isEqualTo(Instant.parse("2026-11-26T08:30:00Z"));
        // Exactly at a start time: strictly after, so the next day.
        assertThat(weekdays.next(Instant.parse("2026-11-26T08:30:00Z"))).isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
        // Summer time: 09:30 Berlin is 07:30Z.
        assertThat(weekdays.next(Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(Instant.parse("2026-06-01T07:30:00Z"));
        AutostartSchedule everyQuarter = AutostartSchedule.parse("CRON_TZ=UTC */15 * * * *");
        assertThat(everyQuarter.next(Instant.parse("2026-11-26T10:07:30Z"))).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
    }
}
