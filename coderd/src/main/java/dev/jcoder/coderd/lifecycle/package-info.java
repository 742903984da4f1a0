/**
 * Workspace lifecycle automation (Coder's {@code autobuild} and activity bump): the
 * {@link dev.jcoder.coderd.lifecycle.LifecycleExecutor} that starts, stops, cleans up, marks dormant
 * and deletes workspaces on a tick by the rules in {@link dev.jcoder.coderd.lifecycle.LifecycleRules},
 * and the {@link dev.jcoder.coderd.lifecycle.ActivityBumper} that every kind of workspace use goes
 * through. Rules: time comes only from the injected clock; automatic builds go through the same
 * {@code WorkspaceBuildBuilder} as users' builds, as named system actors; no workspace gets a build
 * while another is active; a build that cannot be made is recorded as a failed build, never dropped.
 */
package dev.jcoder.coderd.lifecycle;
