package dev.jcoder.codersdk;

/** {@code PUT /users/{user}/profile}. */
public record UpdateUserProfileRequest(String username, String name) {}
