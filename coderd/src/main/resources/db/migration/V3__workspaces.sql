-- Workspaces and their builds (issue 5), and what a build creates: resources, agents, agent
-- scripts, metadata definitions, apps, log sources and timings. Column names follow Coder's schema
-- so that queries trace to Coder's; durations are milliseconds unless the name says otherwise.

CREATE TABLE workspaces (
    id                 uuid PRIMARY KEY,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    owner_id           uuid        NOT NULL REFERENCES users (id),
    organization_id    uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    template_id        uuid        NOT NULL REFERENCES templates (id),
    deleted            boolean     NOT NULL DEFAULT false,
    name               text        NOT NULL,
    -- CRON_TZ=<zone> <minute> <hour> * * <days>; NULL: no autostart.
    autostart_schedule text,
    -- Autostop after a start, milliseconds (whole minutes); NULL: no autostop.
    ttl_ms             bigint,
    last_used_at       timestamptz NOT NULL,
    dormant_at         timestamptz,
    deleting_at        timestamptz,
    automatic_updates  text        NOT NULL DEFAULT 'never',
    favorite           boolean     NOT NULL DEFAULT false
);
-- Deleted workspaces keep their row (builds stay readable) but free their name.
CREATE UNIQUE INDEX workspaces_owner_id_lower_idx ON workspaces (owner_id, lower(name)) WHERE NOT deleted;
CREATE INDEX workspaces_template_id_idx ON workspaces (template_id) WHERE NOT deleted;
CREATE INDEX workspaces_organization_id_idx ON workspaces (organization_id) WHERE NOT deleted;

CREATE TABLE workspace_builds (
    id                         uuid PRIMARY KEY,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    workspace_id               uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    template_version_id        uuid        NOT NULL REFERENCES template_versions (id),
    build_number               integer     NOT NULL,
    transition                 text        NOT NULL,
    initiator_id               uuid        NOT NULL REFERENCES users (id),
    -- The Terraform state the build left (or the previous one while it runs).
    provisioner_state          bytea       NOT NULL DEFAULT ''::bytea,
    job_id                     uuid        NOT NULL REFERENCES provisioner_jobs (id),
    -- When a running workspace stops by itself; NULL: never.
    deadline                   timestamptz,
    max_deadline               timestamptz,
    reason                     text        NOT NULL DEFAULT 'initiator',
    daily_cost                 integer     NOT NULL DEFAULT 0,
    template_version_preset_id uuid REFERENCES template_version_presets (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX workspace_builds_workspace_id_build_number_idx ON workspace_builds (workspace_id, build_number);
CREATE UNIQUE INDEX workspace_builds_job_id_idx ON workspace_builds (job_id);

CREATE TABLE workspace_build_parameters (
    workspace_build_id uuid NOT NULL REFERENCES workspace_builds (id) ON DELETE CASCADE,
    name               text NOT NULL,
    value              text NOT NULL,
    PRIMARY KEY (workspace_build_id, name)
);

-- Resources a build's job created (import plans keep theirs in provisioner_job_resources).
CREATE TABLE workspace_resources (
    id            uuid PRIMARY KEY,
    created_at    timestamptz NOT NULL,
    job_id        uuid        NOT NULL REFERENCES provisioner_jobs (id) ON DELETE CASCADE,
    transition    text        NOT NULL,
    type          text        NOT NULL,
    name          text        NOT NULL,
    hide          boolean     NOT NULL DEFAULT false,
    icon          text        NOT NULL DEFAULT '',
    daily_cost    integer     NOT NULL DEFAULT 0
);
CREATE INDEX workspace_resources_job_id_idx ON workspace_resources (job_id);

CREATE TABLE workspace_resource_metadata (
    workspace_resource_id uuid    NOT NULL REFERENCES workspace_resources (id) ON DELETE CASCADE,
    key                   text    NOT NULL,
    value                 text    NOT NULL DEFAULT '',
    sensitive             boolean NOT NULL DEFAULT false,
    display_order         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_resource_id, key)
);

CREATE TABLE workspace_agents (
    id                         uuid PRIMARY KEY,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    name                       text        NOT NULL,
    resource_id                uuid        NOT NULL REFERENCES workspace_resources (id) ON DELETE CASCADE,
    -- The secret the agent authenticates with (auth "token"); the newest agent with a token wins.
    auth_token                 text        NOT NULL,
    -- "token" or an instance-identity kind ("google-instance-identity", ...); instance id for the latter.
    auth_type                  text        NOT NULL DEFAULT 'token',
    auth_instance_id           text        NOT NULL DEFAULT '',
    architecture               text        NOT NULL,
    operating_system           text        NOT NULL,
    environment_variables      jsonb       NOT NULL DEFAULT '{}',
    directory                  text        NOT NULL DEFAULT '',
    expanded_directory         text        NOT NULL DEFAULT '',
    version                    text        NOT NULL DEFAULT '',
    api_version                text        NOT NULL DEFAULT '',
    connection_timeout_seconds integer     NOT NULL DEFAULT 0,
    troubleshooting_url        text        NOT NULL DEFAULT '',
    motd_file                  text        NOT NULL DEFAULT '',
    -- Connection timestamps, written by the agent's tunnel connection (issue 6).
    first_connected_at         timestamptz,
    last_connected_at          timestamptz,
    disconnected_at            timestamptz,
    last_connected_replica_id  uuid,
    -- created, starting, start_timeout, start_error, ready, shutting_down, shutdown_timeout, shutdown_error, off
    lifecycle_state            text        NOT NULL DEFAULT 'created',
    started_at                 timestamptz,
    ready_at                   timestamptz,
    subsystems                 text[]      NOT NULL DEFAULT '{}',
    display_apps               text[]      NOT NULL DEFAULT '{}',
    logs_length                integer     NOT NULL DEFAULT 0,
    logs_overflowed            boolean     NOT NULL DEFAULT false,
    display_order              integer     NOT NULL DEFAULT 0
);
-- Not unique: a template may fix an agent's token, and every build makes new agent rows.
CREATE INDEX workspace_agents_auth_token_idx ON workspace_agents (auth_token);
CREATE INDEX workspace_agents_resource_id_idx ON workspace_agents (resource_id);
CREATE INDEX workspace_agents_auth_instance_id_idx ON workspace_agents (auth_instance_id) WHERE auth_instance_id <> '';

-- Where an agent's log lines come from: one per script.
CREATE TABLE workspace_agent_log_sources (
    id                 uuid        NOT NULL,
    workspace_agent_id uuid        NOT NULL REFERENCES workspace_agents (id) ON DELETE CASCADE,
    created_at         timestamptz NOT NULL,
    display_name       text        NOT NULL,
    icon               text        NOT NULL DEFAULT '',
    PRIMARY KEY (workspace_agent_id, id)
);

CREATE TABLE workspace_agent_scripts (
    id                 uuid PRIMARY KEY,
    workspace_agent_id uuid        NOT NULL REFERENCES workspace_agents (id) ON DELETE CASCADE,
    log_source_id      uuid        NOT NULL,
    created_at         timestamptz NOT NULL,
    display_name       text        NOT NULL DEFAULT '',
    log_path           text        NOT NULL DEFAULT '',
    script             text        NOT NULL,
    cron               text        NOT NULL DEFAULT '',
    start_blocks_login boolean     NOT NULL DEFAULT false,
    run_on_start       boolean     NOT NULL DEFAULT false,
    run_on_stop        boolean     NOT NULL DEFAULT false,
    timeout_seconds    integer     NOT NULL DEFAULT 0,
    display_order      integer     NOT NULL DEFAULT 0
);
CREATE INDEX workspace_agent_scripts_agent_idx ON workspace_agent_scripts (workspace_agent_id);

-- Metadata definitions of an agent and the latest result the agent reported for each.
CREATE TABLE workspace_agent_metadata (
    workspace_agent_id uuid        NOT NULL REFERENCES workspace_agents (id) ON DELETE CASCADE,
    key                text        NOT NULL,
    display_name       text        NOT NULL,
    script             text        NOT NULL,
    interval_seconds   bigint      NOT NULL,
    timeout_seconds    bigint      NOT NULL,
    display_order      integer     NOT NULL DEFAULT 0,
    value              text        NOT NULL DEFAULT '',
    error              text        NOT NULL DEFAULT '',
    collected_at       timestamptz,
    PRIMARY KEY (workspace_agent_id, key)
);

CREATE TABLE workspace_apps (
    id                    uuid PRIMARY KEY,
    created_at            timestamptz NOT NULL,
    agent_id              uuid        NOT NULL REFERENCES workspace_agents (id) ON DELETE CASCADE,
    slug                  text        NOT NULL,
    display_name          text        NOT NULL DEFAULT '',
    icon                  text        NOT NULL DEFAULT '',
    command               text        NOT NULL DEFAULT '',
    url                   text        NOT NULL DEFAULT '',
    external              boolean     NOT NULL DEFAULT false,
    subdomain             boolean     NOT NULL DEFAULT false,
    sharing_level         text        NOT NULL DEFAULT 'owner',
    healthcheck_url       text        NOT NULL DEFAULT '',
    healthcheck_interval  integer     NOT NULL DEFAULT 0,
    healthcheck_threshold integer     NOT NULL DEFAULT 0,
    -- disabled (no health check), initializing, healthy, unhealthy; reported by the agent.
    health                text        NOT NULL DEFAULT 'disabled',
    hidden                boolean     NOT NULL DEFAULT false,
    open_in               text        NOT NULL DEFAULT 'slim-window',
    display_order         integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX workspace_apps_agent_slug_idx ON workspace_apps (agent_id, slug);

-- How long each Terraform step of a job took (stage init, plan, graph, apply).
CREATE TABLE provisioner_job_timings (
    job_id     uuid        NOT NULL REFERENCES provisioner_jobs (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    stage      text        NOT NULL,
    source     text        NOT NULL DEFAULT '',
    action     text        NOT NULL DEFAULT '',
    resource   text        NOT NULL DEFAULT ''
);
CREATE INDEX provisioner_job_timings_job_id_idx ON provisioner_job_timings (job_id);

-- How long each agent script ran (stage start, stop or cron; status ok, exit_failure, timed_out,
-- pipes_left_open); written by the agent API (issue 6).
CREATE TABLE workspace_agent_script_timings (
    script_id  uuid        NOT NULL REFERENCES workspace_agent_scripts (id) ON DELETE CASCADE,
    started_at timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    exit_code  integer     NOT NULL,
    stage      text        NOT NULL,
    status     text        NOT NULL,
    UNIQUE (script_id, started_at)
);

-- V2 counted no workspaces because there were none: count the live ones now.
CREATE OR REPLACE FUNCTION template_workspace_count(template uuid) RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT count(*) FROM workspaces WHERE template_id = template AND NOT deleted $$;
