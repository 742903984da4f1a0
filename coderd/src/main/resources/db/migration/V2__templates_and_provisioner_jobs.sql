-- Uploaded template sources (tar). Content-addressed per uploader: the same bytes from the same
-- user are stored once (Coder's GetFileByHashAndCreator).
CREATE TABLE files (
    id         uuid PRIMARY KEY,
    hash       text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid        NOT NULL REFERENCES users (id),
    mimetype   text        NOT NULL,
    data       bytea       NOT NULL
);
CREATE UNIQUE INDEX files_hash_created_by_idx ON files (hash, created_by);

-- The work queue of provisioner daemons. The status is derived from the timestamps and the error
-- in one place (a generated column) so that SQL and the API agree.
CREATE TABLE provisioner_jobs (
    id              uuid PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    started_at      timestamptz,
    canceled_at     timestamptz,
    completed_at    timestamptz,
    error           text        NOT NULL DEFAULT '',
    error_code      text        NOT NULL DEFAULT '',
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    initiator_id    uuid        NOT NULL REFERENCES users (id),
    provisioner     text        NOT NULL,
    storage_method  text        NOT NULL DEFAULT 'file',
    type            text        NOT NULL,
    input           jsonb       NOT NULL DEFAULT '{}',
    worker_id       uuid,
    file_id         uuid        NOT NULL REFERENCES files (id),
    tags            jsonb       NOT NULL DEFAULT '{"scope": "organization", "owner": ""}',
    -- Arrival order; creation times can be equal (one clock tick, or a frozen test clock).
    queue_order     bigserial   NOT NULL,
    job_status      text GENERATED ALWAYS AS (
        CASE
            WHEN completed_at IS NOT NULL AND canceled_at IS NOT NULL THEN 'canceled'
            WHEN completed_at IS NOT NULL AND error <> '' THEN 'failed'
            WHEN completed_at IS NOT NULL THEN 'succeeded'
            WHEN canceled_at IS NOT NULL THEN 'canceling'
            WHEN started_at IS NULL THEN 'pending'
            ELSE 'running'
        END) STORED
);
-- The queue: pending jobs in creation order.
CREATE INDEX provisioner_jobs_pending_idx ON provisioner_jobs (queue_order) WHERE started_at IS NULL AND completed_at IS NULL;
CREATE INDEX provisioner_jobs_organization_idx ON provisioner_jobs (organization_id, created_at DESC);
CREATE INDEX provisioner_jobs_running_idx ON provisioner_jobs (updated_at) WHERE started_at IS NOT NULL AND completed_at IS NULL;

-- Coder's routing rule: a job with only the default tags goes to daemons with exactly the default
-- tags; any other job to daemons whose tags contain all of the job's tags.
CREATE FUNCTION provisioner_tagset_contains(daemon_tags jsonb, job_tags jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN job_tags = '{"scope": "organization", "owner": ""}'::jsonb THEN job_tags = daemon_tags
        ELSE job_tags <@ daemon_tags
    END
$$;

CREATE TABLE provisioner_job_logs (
    id         bigserial PRIMARY KEY,
    job_id     uuid        NOT NULL REFERENCES provisioner_jobs (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    source     text        NOT NULL,
    level      text        NOT NULL,
    stage      text        NOT NULL DEFAULT '',
    output     text        NOT NULL DEFAULT ''
);
CREATE INDEX provisioner_job_logs_job_id_idx ON provisioner_job_logs (job_id, id);

-- What an import or dry run planned: the provisioner's resources (with agents and apps) as JSON,
-- per transition. Builds keep their resources in the workspace tables.
CREATE TABLE provisioner_job_resources (
    job_id     uuid        NOT NULL REFERENCES provisioner_jobs (id) ON DELETE CASCADE,
    transition text        NOT NULL,
    created_at timestamptz NOT NULL,
    resources  jsonb       NOT NULL,
    PRIMARY KEY (job_id, transition)
);

CREATE TABLE provisioner_daemons (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    name            text        NOT NULL,
    version         text        NOT NULL DEFAULT '',
    api_version     text        NOT NULL DEFAULT '',
    provisioners    text[]      NOT NULL,
    tags            jsonb       NOT NULL
);
CREATE UNIQUE INDEX provisioner_daemons_org_name_idx ON provisioner_daemons (organization_id, lower(name));

CREATE TABLE templates (
    id                               uuid PRIMARY KEY,
    created_at                       timestamptz NOT NULL,
    updated_at                       timestamptz NOT NULL,
    organization_id                  uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    deleted                          boolean     NOT NULL DEFAULT false,
    name                             text        NOT NULL,
    display_name                     text        NOT NULL DEFAULT '',
    description                      text        NOT NULL DEFAULT '',
    icon                             text        NOT NULL DEFAULT '',
    provisioner                      text        NOT NULL,
    active_version_id                uuid        NOT NULL,
    created_by                       uuid        NOT NULL REFERENCES users (id),
    default_ttl_ms                   bigint      NOT NULL DEFAULT 0,
    activity_bump_ms                 bigint      NOT NULL DEFAULT 3600000,
    autostop_requirement_days        text[]      NOT NULL DEFAULT '{}',
    autostop_requirement_weeks       bigint      NOT NULL DEFAULT 1,
    autostart_requirement_days       text[]      NOT NULL DEFAULT '{monday,tuesday,wednesday,thursday,friday,saturday,sunday}',
    allow_user_autostart             boolean     NOT NULL DEFAULT true,
    allow_user_autostop              boolean     NOT NULL DEFAULT true,
    allow_user_cancel_workspace_jobs boolean     NOT NULL DEFAULT true,
    failure_ttl_ms                   bigint      NOT NULL DEFAULT 0,
    time_til_dormant_ms              bigint      NOT NULL DEFAULT 0,
    time_til_dormant_autodelete_ms   bigint      NOT NULL DEFAULT 0,
    require_active_version           boolean     NOT NULL DEFAULT false,
    deprecation_message              text        NOT NULL DEFAULT '',
    max_port_share_level             text        NOT NULL DEFAULT 'public',
    use_classic_parameter_flow       boolean     NOT NULL DEFAULT false
);
-- Deleted templates keep their row (versions and builds point at them) but free their name.
CREATE UNIQUE INDEX templates_organization_name_idx ON templates (organization_id, lower(name)) WHERE NOT deleted;

CREATE TABLE template_versions (
    id                uuid PRIMARY KEY,
    template_id       uuid REFERENCES templates (id) ON DELETE CASCADE,
    organization_id   uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    name              text        NOT NULL,
    message           text        NOT NULL DEFAULT '',
    readme            text        NOT NULL DEFAULT '',
    job_id            uuid        NOT NULL REFERENCES provisioner_jobs (id),
    created_by        uuid        NOT NULL REFERENCES users (id),
    archived          boolean     NOT NULL DEFAULT false,
    source_example_id text        NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX template_versions_template_name_idx ON template_versions (template_id, lower(name)) WHERE template_id IS NOT NULL;
CREATE UNIQUE INDEX template_versions_job_id_idx ON template_versions (job_id);
ALTER TABLE templates ADD CONSTRAINT templates_active_version_fk FOREIGN KEY (active_version_id) REFERENCES template_versions (id);

CREATE TABLE template_version_parameters (
    template_version_id  uuid    NOT NULL REFERENCES template_versions (id) ON DELETE CASCADE,
    name                 text    NOT NULL,
    display_name         text    NOT NULL DEFAULT '',
    description          text    NOT NULL DEFAULT '',
    type                 text    NOT NULL,
    mutable              boolean NOT NULL,
    default_value        text    NOT NULL DEFAULT '',
    icon                 text    NOT NULL DEFAULT '',
    options              jsonb   NOT NULL DEFAULT '[]',
    validation_regex     text    NOT NULL DEFAULT '',
    validation_error     text    NOT NULL DEFAULT '',
    validation_min       integer,
    validation_max       integer,
    validation_monotonic text    NOT NULL DEFAULT '',
    required             boolean NOT NULL,
    ephemeral            boolean NOT NULL DEFAULT false,
    display_order        integer NOT NULL,
    PRIMARY KEY (template_version_id, name)
);

CREATE TABLE template_version_variables (
    template_version_id uuid    NOT NULL REFERENCES template_versions (id) ON DELETE CASCADE,
    name                text    NOT NULL,
    description         text    NOT NULL DEFAULT '',
    type                text    NOT NULL,
    value               text    NOT NULL DEFAULT '',
    default_value       text    NOT NULL DEFAULT '',
    required            boolean NOT NULL,
    sensitive           boolean NOT NULL,
    display_order       integer NOT NULL,
    PRIMARY KEY (template_version_id, name)
);

CREATE TABLE template_version_presets (
    id                  uuid PRIMARY KEY,
    template_version_id uuid        NOT NULL REFERENCES template_versions (id) ON DELETE CASCADE,
    name                text        NOT NULL,
    created_at          timestamptz NOT NULL,
    is_default          boolean     NOT NULL DEFAULT false,
    parameters          jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX template_version_presets_version_idx ON template_version_presets (template_version_id);

-- How many live workspaces use a template. The workspaces migration replaces this function with
-- one that counts them; until workspaces exist the answer is 0.
CREATE FUNCTION template_workspace_count(template uuid) RETURNS bigint
    LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
