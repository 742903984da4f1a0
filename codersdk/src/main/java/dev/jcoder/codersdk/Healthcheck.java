package dev.jcoder.codersdk;

/** A workspace app's health check: the URL the agent polls, every {@code interval} seconds. */
public record Healthcheck(String url, int interval, int threshold) {}
