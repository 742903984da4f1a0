/**
 * The workspace agent's side of the API: the records of the {@code /api/v2/workspaceagents/me/*}
 * endpoints (Coder's v1-style REST names and JSON shapes, used instead of Coder's dRPC) and
 * {@link dev.jcoder.codersdk.agentsdk.AgentClient}, which the agent uses with its token. No business
 * logic here.
 */
package dev.jcoder.codersdk.agentsdk;
