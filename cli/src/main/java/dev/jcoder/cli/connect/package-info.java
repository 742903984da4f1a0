/**
 * Connecting to workspaces: {@code coder ssh} (built-in SSH client, or {@code --stdio} as an
 * OpenSSH {@code ProxyCommand}), {@code coder config-ssh} and {@code coder port-forward}. Every
 * connection is a stream of a yamux session over one WebSocket to coderd
 * ({@code /api/v2/workspaceagents/{id}/connect}, see docs/connect.md). Kept free of heavy
 * dependencies on the {@code --stdio} path: OpenSSH starts one JVM per connection.
 */
package dev.jcoder.cli.connect;
