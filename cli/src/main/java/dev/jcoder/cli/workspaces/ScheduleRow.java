package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.workspaces.schedule.AutostartSchedule;
import dev.jcoder.cli.workspaces.schedule.Durations;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A workspace's schedule as {@code coder schedule show} prints it (and as JSON with these snake_case
 * keys): the autostart schedule and its next start, the autostop duration and the current deadline.
 * Values are empty when not set; times are RFC 3339 in the local zone.
 */
public record ScheduleRow(String workspace, String startsAt, String startsNext, String stopsAfter, String stopsNext) {
    static final List<Column<ScheduleRow>> COLUMNS = List.of(
            new Column<>("workspace", ScheduleRow::workspace),
            new Column<>("starts at", ScheduleRow::startsAt),
            new Column<>("starts next", ScheduleRow::startsNext),
            new Column<>("stops after", ScheduleRow::stopsAfter),
            new Column<>("stops next", ScheduleRow::stopsNext));
    static final String[] DEFAULT_COLUMNS = {"workspace", "starts at", "starts next", "stops after", "stops next"};

    static ScheduleRow of(Workspace workspace, Instant now, ZoneId local) {
        String startsAt = "";
        String startsNext = "";
        if (workspace.autostartSchedule() != null && !workspace.autostartSchedule().isEmpty()) {
            try {
                AutostartSchedule schedule = AutostartSchedule.parse(workspace.autostartSchedule());
                startsAt = schedule.humanize();
                startsNext = time(schedule.next(now), local);
            } catch (IllegalArgumentException unreadable) {
                startsAt = workspace.autostartSchedule();
            }
        }
        String stopsAfter = "";
        String stopsNext = "";
        if (workspace.ttlMs() != null && workspace.ttlMs() > 0) {
            stopsAfter = Durations.display(Duration.ofMillis(workspace.ttlMs()));
            if (workspace.latestBuild().deadline() != null && workspace.latestBuild().transition() == WorkspaceTransition.START) {
                stopsNext = time(workspace.latestBuild().deadline(), local);
            }
        }
        return new ScheduleRow(workspace.ownerName() + "/" + workspace.name(), startsAt, startsNext, stopsAfter, stopsNext);
    }

    static String time(Instant instant, ZoneId local) {
        return instant.atZone(local).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
