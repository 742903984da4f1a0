package dev.jcoder.codersdk;

/** A new session token, {@code <id>-<secret>}. */
public record LoginWithPasswordResponse(String sessionToken) {}
