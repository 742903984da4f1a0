// Realistic API objects for component tests (the JSON shapes coderd sends).
import type {
  ProvisionerJob,
  Template,
  TemplateVersion,
  TemplateVersionParameter,
  Workspace,
  WorkspaceBuild,
  WorkspaceResource,
} from "../api/types";
import { owner } from "./render";

export const orgId = "0c9d0000-0000-4000-8000-000000000000";

export function makeJob(overrides: Partial<ProvisionerJob> = {}): ProvisionerJob {
  return {
    id: crypto.randomUUID(),
    created_at: "2026-11-25T08:00:00Z",
    started_at: "2026-11-25T08:00:01Z",
    completed_at: "2026-11-25T08:00:05Z",
    status: "succeeded",
    file_id: "f11e0000-0000-4000-8000-000000000001",
    tags: { scope: "organization", owner: "" },
    queue_position: 0,
    queue_size: 0,
    ...overrides,
  };
}

export function makeTemplate(overrides: Partial<Template> = {}): Template {
  return {
    id: "7e3a0000-0000-4000-8000-000000000001",
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-24T10:00:00Z",
    organization_id: orgId,
    organization_name: "coder",
    name: "docker",
    display_name: "Docker",
    provisioner: "terraform",
    active_version_id: "5e150000-0000-4000-8000-000000000001",
    active_user_count: 3,
    build_time_stats: { start: { p50: 42_000, p95: 60_000 } },
    description: "Containers on the host's Docker",
    deprecated: false,
    deprecation_message: "",
    icon: "",
    default_ttl_ms: 8 * 3_600_000,
    activity_bump_ms: 3_600_000,
    created_by_id: owner.id,
    created_by_name: owner.username,
    allow_user_autostart: true,
    allow_user_autostop: true,
    allow_user_cancel_workspace_jobs: true,
    failure_ttl_ms: 0,
    time_til_dormant_ms: 0,
    time_til_dormant_autodelete_ms: 0,
    require_active_version: false,
    ...overrides,
  };
}

export function makeVersion(overrides: Partial<TemplateVersion> = {}): TemplateVersion {
  return {
    id: "5e150000-0000-4000-8000-000000000001",
    template_id: "7e3a0000-0000-4000-8000-000000000001",
    organization_id: orgId,
    created_at: "2026-11-24T10:00:00Z",
    updated_at: "2026-11-24T10:00:00Z",
    name: "brave_turing1",
    message: "",
    job: makeJob(),
    readme: "# Docker\n\nRuns a **container**.",
    created_by: { id: owner.id, username: owner.username, avatar_url: "" },
    archived: false,
    ...overrides,
  };
}

export function makeParameter(overrides: Partial<TemplateVersionParameter> & { name: string }): TemplateVersionParameter {
  return {
    description: "",
    description_plaintext: "",
    type: "string",
    mutable: true,
    default_value: "",
    icon: "",
    options: [],
    required: false,
    ephemeral: false,
    ...overrides,
  };
}

export const resources: WorkspaceResource[] = [
  {
    id: "2e500000-0000-4000-8000-000000000001",
    created_at: "2026-11-25T08:00:00Z",
    job_id: "10b00000-0000-4000-8000-000000000001",
    workspace_transition: "start",
    type: "docker_container",
    name: "dev",
    hide: false,
    icon: "",
    metadata: [{ key: "image", value: "ubuntu:24.04", sensitive: false }],
    daily_cost: 0,
    agents: [
      {
        id: "a9e70000-0000-4000-8000-000000000001",
        created_at: "2026-11-25T08:00:00Z",
        updated_at: "2026-11-25T08:00:00Z",
        status: "connected",
        lifecycle_state: "ready",
        name: "main",
        resource_id: "2e500000-0000-4000-8000-000000000001",
        architecture: "amd64",
        operating_system: "linux",
        version: "2.18.0",
        apps: [
          {
            id: "app00000-0000-4000-8000-000000000001",
            url: "http://localhost:13337",
            external: false,
            slug: "code-server",
            display_name: "code-server",
            subdomain: false,
            sharing_level: "owner",
            health: "healthy",
            hidden: false,
          },
        ],
        connection_timeout_seconds: 120,
      },
    ],
  },
];

export function makeBuild(overrides: Partial<WorkspaceBuild> = {}): WorkspaceBuild {
  return {
    id: "b0000000-0000-4000-8000-000000000001",
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:05Z",
    workspace_id: "3c000000-0000-4000-8000-000000000001",
    workspace_name: "dev",
    workspace_owner_id: owner.id,
    workspace_owner_name: owner.username,
    template_version_id: "5e150000-0000-4000-8000-000000000001",
    template_version_name: "brave_turing1",
    build_number: 1,
    transition: "start",
    initiator_id: owner.id,
    initiator_name: owner.username,
    job: makeJob(),
    reason: "initiator",
    resources,
    deadline: "2026-11-25T16:00:00Z",
    max_deadline: "0001-01-01T00:00:00Z",
    status: "running",
    daily_cost: 0,
    ...overrides,
  };
}

export function makeWorkspace(overrides: Partial<Workspace> = {}): Workspace {
  return {
    id: "3c000000-0000-4000-8000-000000000001",
    created_at: "2026-11-25T08:00:00Z",
    updated_at: "2026-11-25T08:00:05Z",
    owner_id: owner.id,
    owner_name: owner.username,
    organization_id: orgId,
    template_id: "7e3a0000-0000-4000-8000-000000000001",
    template_name: "docker",
    template_display_name: "Docker",
    template_icon: "",
    template_allow_user_cancel_workspace_jobs: true,
    template_active_version_id: "5e150000-0000-4000-8000-000000000001",
    template_require_active_version: false,
    latest_build: makeBuild(),
    outdated: false,
    name: "dev",
    ttl_ms: 8 * 3_600_000,
    last_used_at: "2026-11-25T08:30:00Z",
    health: { healthy: true, failing_agents: [] },
    automatic_updates: "never",
    ...overrides,
  };
}
