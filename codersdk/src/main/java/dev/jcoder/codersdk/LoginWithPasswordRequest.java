package dev.jcoder.codersdk;

/** {@code POST /users/login}. */
public record LoginWithPasswordRequest(String email, String password) {}
