-- What a template import found beyond parameters, variables, presets and resources (issue 4):
-- the workspace tags of coder_workspace_tags (provisioner tags for the template's builds) and the
-- external auth providers of coder_external_auth, as Coder's template_version_workspace_tags and
-- template_versions.external_auth_providers hold them.
CREATE TABLE template_version_workspace_tags (
    template_version_id uuid NOT NULL REFERENCES template_versions (id) ON DELETE CASCADE,
    key text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (template_version_id, key)
);

CREATE TABLE template_version_external_auth_providers (
    template_version_id uuid NOT NULL REFERENCES template_versions (id) ON DELETE CASCADE,
    provider_id text NOT NULL,
    display_order integer NOT NULL,
    PRIMARY KEY (template_version_id, provider_id)
);
