/**
 * The workspace agent's side of coderd: delivery ({@code /api/v2/init-script/{os}/{arch}},
 * {@code /bin/coder-<os>-<arch>}), the agent-token endpoints under {@code /api/v2/workspaceagents/me/*}
 * (Coder's v1 REST names and shapes; see docs/agent.md for why REST instead of dRPC), the agent's
 * tunnel WebSocket, and the user-facing agent endpoints that read what agents reported. Agents are
 * untrusted: everything they send is validated and bounded, and every write is scoped by the agent
 * id that their token resolved to, never by ids in the request.
 */
package dev.jcoder.coderd.agentapi;
