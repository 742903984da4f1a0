/**
 * Terraform's value model (cty) as far as this provider needs it: types, values, and their msgpack
 * and JSON encodings.
 *
 * <p>Rules: values are immutable; encoding is always driven by a {@link
 * dev.jcoder.terraform.provider.cty.CtyType}, because cty requires every object attribute to be
 * present and a decoder cannot tell a list from a set by looking at the bytes.
 */
package dev.jcoder.terraform.provider.cty;
