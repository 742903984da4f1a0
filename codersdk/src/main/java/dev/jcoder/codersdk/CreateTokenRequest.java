package dev.jcoder.codersdk;

/**
 * {@code POST /users/{user}/keys/tokens}. {@code lifetime} is a Go duration in nanoseconds, as
 * Coder's; 0 means the deployment's default token lifetime. An empty name gets a generated one.
 */
public record CreateTokenRequest(long lifetime, ApiKeyScope scope, String tokenName) {}
