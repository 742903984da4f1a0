/**
 * The data sources of {@code coder/coder} (terraform-provider-schema.md §4). Each read recomputes
 * everything from configuration and the build's environment; most mint a fresh id on every read.
 */
package dev.jcoder.terraform.provider.datasources;
