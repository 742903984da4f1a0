/**
 * jcoder's implementation of the {@code coder/coder} Terraform provider.
 *
 * <p>This package holds what resources and data sources share: the build's environment ({@link
 * dev.jcoder.terraform.provider.BuildEnvironment}), the configured provider ({@link
 * dev.jcoder.terraform.provider.ProviderContext}) and the registry of types ({@link
 * dev.jcoder.terraform.provider.CoderProvider}). Sub-packages: {@code cty} (values and codecs),
 * {@code schema} (schema model), {@code resources} and {@code datasources} (the types),
 * {@code server} (the tfplugin6 gRPC service and the SDKv2-like plan/apply engine), {@code hosting}
 * (in-JVM providers for the provisioner) and {@code launch} (the executable Terraform starts).
 */
package dev.jcoder.terraform.provider;
