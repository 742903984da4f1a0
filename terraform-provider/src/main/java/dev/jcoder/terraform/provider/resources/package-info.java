/**
 * The managed resource types of {@code coder/coder}: schema (names, flags, defaults, validation as
 * terraform-provider-schema.md §5 gives them) plus their Create/Read/CustomizeDiff behaviour.
 *
 * <p>Rules: no network I/O; every value comes from configuration, the build's environment or a
 * fresh UUID.
 */
package dev.jcoder.terraform.provider.resources;
