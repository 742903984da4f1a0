/**
 * Joins two byte streams in both directions: a yamux stream with a TCP socket (agent: port
 * forwarding, SSH), two yamux streams (coderd: relay between replicas or from a CLI session), or
 * a stream with stdin/stdout (CLI: {@code coder ssh --stdio}). An end of input becomes a
 * half-close on the other side; a failure aborts both sides; nothing is left open afterwards.
 */
package dev.jcoder.tunnel.pump;
