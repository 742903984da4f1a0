/**
 * The provisioner job queue: acquisition by daemons ({@code FOR UPDATE SKIP LOCKED} with Coder's
 * tag rules, woken by pubsub), logs stored as they arrive and pushed to followers, heartbeats,
 * completion and failure (with per-job-type handlers), cancellation, and the reaper of hung jobs.
 * {@link dev.jcoder.coderd.provisionerjobs.ProvisionerDaemonServer} implements the daemon protocol
 * for in-process daemons. Daemons act as the system actor {@code "provisioner daemon"}, the reaper
 * as {@code "job reaper"}.
 */
package dev.jcoder.coderd.provisionerjobs;
