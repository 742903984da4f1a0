package dev.jcoder.codersdk;

/** A newly created API key, {@code <id>-<secret>}; the secret is shown only once. */
public record GenerateApiKeyResponse(String key) {}
