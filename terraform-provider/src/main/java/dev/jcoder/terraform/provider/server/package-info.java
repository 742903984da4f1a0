/**
 * The tfplugin6 {@code Provider} gRPC service and the SDKv2-like engine behind it: config
 * validation, planning with ForceNew replacement, state shaping with {@code legacy_type_system}
 * semantics, and lenient state upgrades.
 *
 * <p>Rules: one {@link dev.jcoder.terraform.provider.server.ProviderService} per build (it carries
 * that build's environment); RPCs never throw to Terraform, failures become error diagnostics.
 */
package dev.jcoder.terraform.provider.server;
