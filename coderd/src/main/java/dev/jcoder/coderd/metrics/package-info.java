/** Prometheus metrics: Coder's API request metrics plus JVM metrics, served on their own port. */
package dev.jcoder.coderd.metrics;
