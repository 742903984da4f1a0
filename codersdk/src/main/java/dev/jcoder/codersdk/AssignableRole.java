package dev.jcoder.codersdk;

/** A site role and whether the caller may assign it. */
public record AssignableRole(String name, String displayName, boolean assignable, boolean builtIn) {}
