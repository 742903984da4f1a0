package dev.jcoder.codersdk;

/** {@code PUT /users/{user}/password}: the old password is required when changing your own. */
public record UpdateUserPasswordRequest(String oldPassword, String password) {}
