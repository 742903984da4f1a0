/**
 * Provisioner daemons: {@link dev.jcoder.provisionerd.ProvisionerDaemon} acquires a job through the
 * {@link dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient} protocol, unpacks its source,
 * runs the matching {@link dev.jcoder.provisionerd.Provisioner}, streams its logs with heartbeats,
 * reacts to cancellation and reports the result. Provisioners plug in by type: the
 * {@link dev.jcoder.provisionerd.echo.EchoProvisioner} answers from files in the archive (tests);
 * the Terraform runner implements the same interface.
 */
package dev.jcoder.provisionerd;
