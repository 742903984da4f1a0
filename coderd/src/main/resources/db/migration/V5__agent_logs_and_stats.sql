-- What workspace agents report (issue 6): their log lines and their periodic stats.

-- Log lines per agent, in the order stored; the agent's total output is counted in
-- workspace_agents.logs_length and capped (logs_overflowed) by the agent API.
CREATE TABLE workspace_agent_logs (
    id            bigserial PRIMARY KEY,
    agent_id      uuid        NOT NULL REFERENCES workspace_agents (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    output        text        NOT NULL,
    level         text        NOT NULL DEFAULT 'info',
    log_source_id uuid        NOT NULL
);
CREATE INDEX workspace_agent_logs_agent_id_id_idx ON workspace_agent_logs (agent_id, id);

-- One row per stats report, written in batches; no foreign keys, as in Coder, so that thousands of
-- agents reporting every 30 s cost one multi-row insert per flush. Used for activity and insights.
CREATE TABLE workspace_agent_stats (
    id                             uuid PRIMARY KEY,
    created_at                     timestamptz      NOT NULL,
    user_id                        uuid             NOT NULL,
    agent_id                       uuid             NOT NULL,
    workspace_id                   uuid             NOT NULL,
    template_id                    uuid             NOT NULL,
    connections_by_proto           jsonb            NOT NULL DEFAULT '{}',
    connection_count               bigint           NOT NULL DEFAULT 0,
    connection_median_latency_ms   double precision NOT NULL DEFAULT 0,
    rx_packets                     bigint           NOT NULL DEFAULT 0,
    rx_bytes                       bigint           NOT NULL DEFAULT 0,
    tx_packets                     bigint           NOT NULL DEFAULT 0,
    tx_bytes                       bigint           NOT NULL DEFAULT 0,
    session_count_vscode           bigint           NOT NULL DEFAULT 0,
    session_count_jetbrains        bigint           NOT NULL DEFAULT 0,
    session_count_reconnecting_pty bigint           NOT NULL DEFAULT 0,
    session_count_ssh              bigint           NOT NULL DEFAULT 0
);
CREATE INDEX workspace_agent_stats_created_at_idx ON workspace_agent_stats (created_at);
CREATE INDEX workspace_agent_stats_workspace_id_idx ON workspace_agent_stats (workspace_id, created_at);
