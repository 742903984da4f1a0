/**
 * Reconnecting PTYs (Coder's web terminal): shells on a pseudo-terminal kept by id, so that a
 * browser that reloads or loses its connection reattaches to the same shell and sees the output
 * it missed (a 64 KiB ring buffer). Served on {@code reconnecting-pty} tunnel streams.
 */
package dev.jcoder.agent.pty;
