/**
 * The provisioner daemon protocol: what a daemon asks of the server (acquire a job, report logs and
 * heartbeats, complete or fail it, learn that it was canceled) and the shapes exchanged. One
 * interface, {@link dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient}, serves in-process
 * daemons (coderd implements it without a network hop) and, later, external daemons over the
 * network. The records mirror Coder's {@code provisionerd.proto} messages; they are JSON-ready with
 * the SDK's mapper (sealed types carry a {@code "type"} discriminator).
 */
package dev.jcoder.codersdk.provisionerd;
