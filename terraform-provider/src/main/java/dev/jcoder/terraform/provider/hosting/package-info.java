/**
 * Hosting the provider inside a long-lived JVM (the provisioner's): one plaintext loopback gRPC
 * server per build, which that build's {@code terraform} reaches through
 * {@code TF_REATTACH_PROVIDERS}. No JVM start per Terraform step.
 *
 * <p>Rules: a {@link dev.jcoder.terraform.provider.hosting.CoderProviderHost} owns the shared
 * event loops and stops every provider it started; a
 * {@link dev.jcoder.terraform.provider.hosting.HostedProvider} belongs to exactly one build.
 */
package dev.jcoder.terraform.provider.hosting;
