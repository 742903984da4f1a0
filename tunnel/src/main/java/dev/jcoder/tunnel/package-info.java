/**
 * The agent tunnel: yamux streams over one WebSocket, shared by coderd, the agent and the CLI.
 *
 * <ul>
 *   <li>{@link dev.jcoder.tunnel.yamux} multiplexes streams over a message transport (hashicorp's
 *       yamux spec, version 0) with flow control, keepalive and go-away.</li>
 *   <li>{@link dev.jcoder.tunnel.transport} is the boundary to a WebSocket: the JDK client adapter,
 *       a callback adapter for server frameworks, and an in-memory pipe for tests.</li>
 *   <li>{@link dev.jcoder.tunnel.service} is the preamble that names the service a stream is
 *       for (ssh, reconnecting-pty, tcp, speedtest) and the acceptor's answer.</li>
 *   <li>{@link dev.jcoder.tunnel.pump} joins two byte streams with half-close propagation.</li>
 * </ul>
 *
 * <p>This module depends on the JDK only; no web framework in main scope.
 */
package dev.jcoder.tunnel;
