/**
 * The boundary between a yamux session and a message-oriented connection (a WebSocket).
 *
 * <p>A {@link dev.jcoder.tunnel.transport.MessageTransport} sends one binary message at a time and
 * reports completion, which is the session's back-pressure; inbound bytes are pushed into a
 * {@link dev.jcoder.tunnel.transport.TransportListener}. No web framework appears here: the JDK
 * client adapter lives in this package, and a server framework adapts through
 * {@link dev.jcoder.tunnel.transport.CallbackTransport} (see docs/tunnel.md).
 */
package dev.jcoder.tunnel.transport;
