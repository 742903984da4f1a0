/**
 * Workspace schedules as Coder's CLI reads and shows them: the autostart grammar
 * ({@code 9:30AM Mon-Fri Europe/Berlin}) and its cron form, durations for autostop and extensions.
 */
package dev.jcoder.cli.workspaces.schedule;
