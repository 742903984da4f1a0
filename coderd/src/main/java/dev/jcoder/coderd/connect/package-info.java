/**
 * Users connecting to workspaces through coderd: the client tunnel ({@code GET
 * /api/v2/workspaceagents/{id}/connect}, a yamux session whose streams are relayed to the agent's
 * tunnel) and the web terminal ({@code GET /api/v2/workspaceagents/{id}/pty}, Coder's reconnecting
 * PTY framing). Every connection is authorized here ({@code ssh} / {@code application_connect} on
 * the workspace) and counts as workspace activity. See docs/connect.md and docs/tunnel.md.
 */
package dev.jcoder.coderd.connect;
