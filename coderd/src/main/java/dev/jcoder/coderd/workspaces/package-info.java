/**
 * Workspaces and their builds: the {@code /workspaces}, {@code /workspacebuilds} and per-user
 * workspace routes, the {@link dev.jcoder.coderd.workspaces.WorkspaceBuildBuilder} that turns a
 * build request into a build and its provisioner job (parameters resolved and validated as Coder
 * does), the {@code workspace_build} job handler that stores what a build created, schedules
 * (autostart cron, TTL) as stored and validated values, and the conversion of rows to the API's
 * {@code Workspace} and {@code WorkspaceBuild}. Executing schedules is the lifecycle executor's job.
 */
package dev.jcoder.coderd.workspaces;
