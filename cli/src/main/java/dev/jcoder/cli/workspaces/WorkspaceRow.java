package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.workspaces.schedule.Durations;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One line of {@code coder list}: the workspace and the moment the list was taken, from which the
 * relative columns ("last built", "stops after") are computed. JSON output is the workspace itself.
 */
record WorkspaceRow(Workspace workspace, Instant now, ZoneId local) {
    static final List<Column<WorkspaceRow>> COLUMNS = List.of(
            new Column<>("favorite", row -> row.workspace().favorite()),
            new Column<>("workspace", WorkspaceRow::name),
            new Column<>("organization id", row -> row.workspace().organizationId()),
            new Column<>("organization name", row -> row.workspace().organizationName()),
            new Column<>("template", row -> row.workspace().templateName()),
            new Column<>("status", row -> displayStatus(row.workspace().latestBuild())),
            new Column<>("healthy", WorkspaceRow::healthy),
            new Column<>("last built", row -> Durations.display(Duration.between(row.workspace().latestBuild().job().createdAt(), row.now()))),
            new Column<>("current version", row -> row.workspace().latestBuild().templateVersionName()),
            new Column<>("outdated", row -> row.workspace().outdated()),
            new Column<>("starts at", row -> row.schedule().startsAt()),
            new Column<>("starts next", row -> row.schedule().startsNext()),
            new Column<>("stops after", WorkspaceRow::stopsAfter),
            new Column<>("stops next", row -> row.schedule().stopsNext()),
            new Column<>("daily cost", row -> row.workspace().latestBuild().dailyCost() == 0 ? "" : row.workspace().latestBuild().dailyCost()));
    static final String[] DEFAULT_COLUMNS = {"workspace", "template", "status", "healthy", "last built", "current version",
        "outdated", "starts at", "stops after"};

    /** A star marks favorites, as in Coder's list. */
    String name() {
        return (workspace.favorite() ? "★" : " ") + " " + workspace.ownerName() + "/" + workspace.name();
    }

    ScheduleRow schedule() {
        return ScheduleRow.of(workspace, now, local);
    }

    /** Only a started (or starting) workspace has a health to show. */
    String healthy() {
        String status = displayStatus(workspace.latestBuild());
        return status.equals("Starting") || status.equals("Started") ? Boolean.toString(workspace.health().healthy()) : "";
    }

    /** The autostop duration and, while running, how long until the deadline: {@code 8h (in 7h59m)}. */
    String stopsAfter() {
        String after = schedule().stopsAfter();
        Instant deadline = workspace.latestBuild().deadline();
        if (!after.isEmpty() && deadline != null && deadline.isAfter(now) && displayStatus(workspace.latestBuild()).equals("Started")) {
            return after + " (" + Durations.relative(Duration.between(now, deadline)) + ")";
        }
        return after;
    }

    /** Coder's status words for the CLI and dashboard. */
    static String displayStatus(WorkspaceBuild build) {
        return switch (build.job().status()) {
            case PENDING -> "Queued";
            case RUNNING -> switch (build.transition()) {
                case START -> "Starting";
                case STOP -> "Stopping";
                case DELETE -> "Deleting";
            };
            case SUCCEEDED -> switch (build.transition()) {
                case START -> "Started";
                case STOP -> "Stopped";
                case DELETE -> "Deleted";
            };
            case CANCELING -> "Canceling";
            case CANCELED -> "Canceled";
            case FAILED -> "Failed";
            case UNKNOWN -> "Unknown";
        };
    }
}
