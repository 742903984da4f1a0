/**
 * The provider's schema model, shaped like SDKv2's declarations after Terraform lowers them: blocks,
 * attributes with optional/computed/sensitive flags, provider-side defaults, ForceNew and
 * validators. Diagnostics and attribute paths live here too, since validators produce them.
 *
 * <p>Rules: everything here is immutable data plus pure functions; no knowledge of gRPC.
 */
package dev.jcoder.terraform.provider.schema;
