package dev.jcoder.codersdk;

/** Build duration percentiles of a template for one transition, in milliseconds; null without builds. */
public record TransitionStats(Long p50, Long p95) {}
