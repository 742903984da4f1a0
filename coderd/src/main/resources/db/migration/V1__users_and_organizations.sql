-- Deployment-wide settings that are created once (deployment id).
CREATE TABLE site_configs (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE organizations (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    display_name text        NOT NULL DEFAULT '',
    description  text        NOT NULL DEFAULT '',
    icon         text        NOT NULL DEFAULT '',
    is_default   boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX organizations_name_lower_idx ON organizations (lower(name));
CREATE UNIQUE INDEX organizations_single_default_idx ON organizations (is_default) WHERE is_default;

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    email            text        NOT NULL,
    username         text        NOT NULL,
    name             text        NOT NULL DEFAULT '',
    avatar_url       text        NOT NULL DEFAULT '',
    hashed_password  text        NOT NULL DEFAULT '',
    login_type       text        NOT NULL,
    status           text        NOT NULL DEFAULT 'active',
    rbac_roles       text[]      NOT NULL DEFAULT '{}',
    theme_preference text        NOT NULL DEFAULT '',
    deleted          boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL
);
-- Deleted users keep their row (builds and audit point at them) but free their name and email.
CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email)) WHERE NOT deleted;
CREATE UNIQUE INDEX users_username_lower_idx ON users (lower(username)) WHERE NOT deleted;

CREATE TABLE organization_members (
    organization_id uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles           text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX organization_members_user_id_idx ON organization_members (user_id);

CREATE TABLE api_keys (
    id               text        PRIMARY KEY,
    hashed_secret    bytea       NOT NULL,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_used        timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    login_type       text        NOT NULL,
    lifetime_seconds bigint      NOT NULL,
    ip_address       text        NOT NULL DEFAULT '',
    scope            text        NOT NULL DEFAULT 'all',
    token_name       text        NOT NULL DEFAULT ''
);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id);
CREATE UNIQUE INDEX api_keys_user_token_name_idx ON api_keys (user_id, lower(token_name)) WHERE login_type = 'token';

CREATE TABLE gitsshkeys (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    private_key text        NOT NULL,
    public_key  text        NOT NULL
);
