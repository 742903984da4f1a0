/**
 * The stream header: the first bytes on every tunnel stream. The opener names the service and its
 * arguments ({@link dev.jcoder.tunnel.service.ServiceRequest}); the acceptor answers once
 * ({@link dev.jcoder.tunnel.service.ServiceResponse}) before any payload, so a client learns
 * "port 3000 is closed" as an error instead of as an empty connection. The wire format is
 * versioned and documented in docs/tunnel.md; {@link dev.jcoder.tunnel.service.ServiceHeaders}
 * is its only codec.
 */
package dev.jcoder.tunnel.service;
