// JSON shapes of Coder's REST API (codersdk), as jcoder's server speaks them. Field names are
// Coder's; times are RFC3339 strings; UUIDs are strings.

export type UUID = string;
export type RFC3339 = string;

/** codersdk.Response: the body of every error (and of a few plain acknowledgements). */
export interface Response {
  message: string;
  detail?: string;
  validations?: ValidationError[];
}

export interface ValidationError {
  field: string;
  detail: string;
}

export interface BuildInfoResponse {
  external_url: string;
  version: string;
  dashboard_url: string;
  workspace_proxy: boolean;
  agent_api_version: string;
  provisioner_api_version?: string;
  upgrade_message: string;
  deployment_id: string;
  telemetry?: boolean;
}

export type UserStatus = "active" | "dormant" | "suspended";
export type LoginType = "" | "password" | "github" | "oidc" | "token" | "none";

export interface SlimRole {
  name: string;
  display_name: string;
  organization_id?: UUID;
}

export interface User {
  id: UUID;
  username: string;
  avatar_url: string;
  name: string;
  email: string;
  created_at: RFC3339;
  updated_at?: RFC3339;
  last_seen_at?: RFC3339;
  status: UserStatus;
  login_type: LoginType;
  theme_preference?: string;
  organization_ids: UUID[];
  roles: SlimRole[];
}

export interface GetUsersResponse {
  users: User[];
  count: number;
}

export interface UsersRequest {
  q?: string;
  limit?: number;
  offset?: number;
}

export interface CreateFirstUserRequest {
  email: string;
  username: string;
  name?: string;
  password: string;
  trial: boolean;
}

export interface CreateFirstUserResponse {
  user_id: UUID;
  organization_id: UUID;
}

export interface CreateUserRequest {
  email: string;
  username: string;
  name?: string;
  password?: string;
  login_type: LoginType;
  organization_id?: UUID;
}

export interface LoginWithPasswordRequest {
  email: string;
  password: string;
}

export interface LoginWithPasswordResponse {
  session_token: string;
}

export interface AuthMethod {
  enabled: boolean;
}

export interface GithubAuthMethod extends AuthMethod {
  default_provider_configured?: boolean;
}

export interface OIDCAuthMethod extends AuthMethod {
  signInText: string;
  iconUrl: string;
}

export interface AuthMethods {
  terms_of_service_url?: string;
  password: AuthMethod;
  github: GithubAuthMethod;
  oidc: OIDCAuthMethod;
}

export interface UpdateUserProfileRequest {
  username: string;
  name: string;
}

export interface UpdateUserPasswordRequest {
  old_password: string;
  password: string;
}

export interface UserRoles {
  roles: string[];
  organization_roles: Record<UUID, string[]>;
}

export interface UpdateRoles {
  roles: string[];
}

/** An entry of `GET /users/roles`: site roles and whether the caller may assign them. */
export interface AssignableRoles {
  name: string;
  display_name: string;
  assignable: boolean;
  built_in?: boolean;
}

export type APIKeyScope = "all" | "application_connect";

export interface APIKey {
  id: string;
  user_id: UUID;
  last_used: RFC3339;
  expires_at: RFC3339;
  created_at: RFC3339;
  updated_at: RFC3339;
  login_type: LoginType;
  scope: APIKeyScope;
  token_name: string;
  lifetime_seconds: number;
}

export interface APIKeyWithOwner extends APIKey {
  username?: string;
}

export interface CreateTokenRequest {
  /** Go time.Duration: integer nanoseconds; 0 means the server's default lifetime. */
  lifetime: number;
  scope: APIKeyScope;
  token_name: string;
}

export interface GenerateAPIKeyResponse {
  key: string;
}

export interface TokenConfig {
  /** nanoseconds */
  max_token_lifetime: number;
}

export interface GitSSHKey {
  user_id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  public_key: string;
}

export interface Organization {
  id: UUID;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  created_at: RFC3339;
  updated_at: RFC3339;
  is_default: boolean;
}

export interface AuthorizationObject {
  resource_type: string;
  owner_id?: UUID;
  organization_id?: UUID;
  resource_id?: string;
}

export interface AuthorizationCheck {
  object: AuthorizationObject;
  action: "create" | "read" | "update" | "delete";
}

export interface AuthorizationRequest {
  checks: Record<string, AuthorizationCheck>;
}

export type AuthorizationResponse = Record<string, boolean>;

/** Result of probing `GET /healthz`. */
export interface Healthz {
  ok: boolean;
  status: number;
  body: string;
  latencyMs: number;
}

// ---- Provisioner jobs, files, templates and template versions (coder-api.md §5–§7) ----

export type ProvisionerJobStatus = "pending" | "running" | "succeeded" | "canceling" | "canceled" | "failed" | "unknown";
export type ProvisionerType = "terraform" | "echo";
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";
export type LogSource = "provisioner_daemon" | "provisioner";

export interface ProvisionerJob {
  id: UUID;
  created_at: RFC3339;
  started_at?: RFC3339;
  completed_at?: RFC3339;
  canceled_at?: RFC3339;
  error?: string;
  error_code?: string;
  status: ProvisionerJobStatus;
  worker_id?: UUID;
  file_id: UUID;
  tags: Record<string, string>;
  queue_position: number;
  queue_size: number;
  organization_id?: UUID;
  type?: "template_version_import" | "workspace_build" | "template_version_dry_run";
}

export interface ProvisionerJobLog {
  id: number;
  created_at: RFC3339;
  log_source: LogSource;
  log_level: LogLevel;
  stage: string;
  output: string;
}

export interface UploadResponse {
  hash: UUID;
}

export interface MinimalUser {
  id: UUID;
  username: string;
  avatar_url: string;
}

export interface TransitionStats {
  p50?: number | null;
  p95?: number | null;
}

export interface TemplateAutostopRequirement {
  days_of_week: string[];
  weeks: number;
}

export interface TemplateAutostartRequirement {
  days_of_week: string[];
}

export interface Template {
  id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  organization_id: UUID;
  organization_name?: string;
  organization_display_name?: string;
  organization_icon?: string;
  name: string;
  display_name: string;
  provisioner: ProvisionerType;
  active_version_id: UUID;
  active_user_count: number;
  build_time_stats: Partial<Record<WorkspaceTransition, TransitionStats>>;
  description: string;
  deprecated: boolean;
  deprecation_message: string;
  icon: string;
  default_ttl_ms: number;
  activity_bump_ms: number;
  autostop_requirement?: TemplateAutostopRequirement;
  autostart_requirement?: TemplateAutostartRequirement;
  created_by_id: UUID;
  created_by_name: string;
  allow_user_autostart: boolean;
  allow_user_autostop: boolean;
  allow_user_cancel_workspace_jobs: boolean;
  failure_ttl_ms: number;
  time_til_dormant_ms: number;
  time_til_dormant_autodelete_ms: number;
  require_active_version: boolean;
  max_port_share_level?: string;
}

export interface TemplateVersion {
  id: UUID;
  template_id?: UUID;
  organization_id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  name: string;
  message: string;
  job: ProvisionerJob;
  readme: string;
  created_by: MinimalUser;
  archived: boolean;
  warnings?: string[];
}

export interface TemplateExample {
  id: string;
  url: string;
  name: string;
  description: string;
  icon: string;
  tags: string[];
  markdown: string;
}

export interface VariableValue {
  name: string;
  value: string;
}

export interface CreateTemplateVersionRequest {
  name?: string;
  message?: string;
  template_id?: UUID;
  storage_method: "file";
  file_id?: UUID;
  example_id?: string;
  provisioner: ProvisionerType;
  tags?: Record<string, string>;
  user_variable_values?: VariableValue[];
}

export interface CreateTemplateRequest {
  name: string;
  display_name?: string;
  description?: string;
  icon?: string;
  template_version_id: UUID;
  default_ttl_ms?: number;
  activity_bump_ms?: number;
  allow_user_cancel_workspace_jobs?: boolean;
  allow_user_autostart?: boolean;
  allow_user_autostop?: boolean;
}

/** `PATCH /templates/{id}`: every field optional; only the ones sent change. */
export interface UpdateTemplateMeta {
  name?: string;
  display_name?: string;
  description?: string;
  icon?: string;
  default_ttl_ms?: number;
  activity_bump_ms?: number;
  autostop_requirement?: TemplateAutostopRequirement;
  autostart_requirement?: TemplateAutostartRequirement;
  allow_user_autostart?: boolean;
  allow_user_autostop?: boolean;
  allow_user_cancel_workspace_jobs?: boolean;
  failure_ttl_ms?: number;
  time_til_dormant_ms?: number;
  time_til_dormant_autodelete_ms?: number;
  require_active_version?: boolean;
  deprecation_message?: string;
  disable_everyone_group_access?: boolean;
}

export type ParameterType = "string" | "number" | "bool" | "list(string)";
export type ParameterFormType =
  | ""
  | "input"
  | "textarea"
  | "dropdown"
  | "radio"
  | "checkbox"
  | "switch"
  | "slider"
  | "multi-select"
  | "tag-select"
  | "error";

export interface TemplateVersionParameterOption {
  name: string;
  description: string;
  value: string;
  icon: string;
}

export interface TemplateVersionParameter {
  name: string;
  display_name?: string;
  description: string;
  description_plaintext: string;
  type: ParameterType;
  /** Newer Coder releases; absent means "pick from type and options". */
  form_type?: ParameterFormType;
  mutable: boolean;
  default_value: string;
  icon: string;
  options: TemplateVersionParameterOption[];
  validation_error?: string;
  validation_regex?: string;
  validation_min?: number | null;
  validation_max?: number | null;
  validation_monotonic?: "increasing" | "decreasing" | "";
  required: boolean;
  ephemeral: boolean;
}

export interface TemplateVersionVariable {
  name: string;
  description: string;
  type: "string" | "number" | "bool";
  value: string;
  default_value: string;
  required: boolean;
  sensitive: boolean;
}

/** Presets use capitalized keys: Coder's Go struct has no json tags. */
export interface Preset {
  ID: UUID;
  Name: string;
  Parameters: { Name: string; Value: string }[];
  Default?: boolean;
  Description?: string;
  Icon?: string;
}

export type WorkspaceAgentStatus = "connecting" | "connected" | "disconnected" | "timeout";
export type WorkspaceAgentLifecycle =
  | "created"
  | "starting"
  | "start_timeout"
  | "start_error"
  | "ready"
  | "shutting_down"
  | "shutdown_timeout"
  | "shutdown_error"
  | "off";
export type WorkspaceAppHealth = "disabled" | "initializing" | "healthy" | "unhealthy";

export interface WorkspaceApp {
  id: UUID;
  url: string;
  external: boolean;
  slug: string;
  display_name: string;
  command?: string;
  icon?: string;
  subdomain: boolean;
  subdomain_name?: string;
  sharing_level: "owner" | "authenticated" | "organization" | "public";
  healthcheck?: { url: string; interval: number; threshold: number };
  health: WorkspaceAppHealth;
  hidden: boolean;
  open_in?: "slim-window" | "tab";
}

export interface WorkspaceAgent {
  id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  first_connected_at?: RFC3339;
  last_connected_at?: RFC3339;
  disconnected_at?: RFC3339;
  started_at?: RFC3339;
  ready_at?: RFC3339;
  status: WorkspaceAgentStatus;
  lifecycle_state: WorkspaceAgentLifecycle;
  name: string;
  resource_id: UUID;
  instance_id?: string;
  architecture: string;
  operating_system: string;
  environment_variables?: Record<string, string>;
  directory?: string;
  expanded_directory?: string;
  version: string;
  api_version?: string;
  apps: WorkspaceApp[];
  connection_timeout_seconds: number;
  troubleshooting_url?: string;
  display_apps?: string[];
  health?: { healthy: boolean; reason?: string };
  logs_length?: number;
  logs_overflowed?: boolean;
}

export interface WorkspaceResourceMetadata {
  key: string;
  value: string;
  sensitive: boolean;
}

export interface WorkspaceResource {
  id: UUID;
  created_at: RFC3339;
  job_id: UUID;
  workspace_transition: WorkspaceTransition;
  type: string;
  name: string;
  hide: boolean;
  icon: string;
  agents?: WorkspaceAgent[];
  metadata: WorkspaceResourceMetadata[];
  daily_cost: number;
}

// ---- Workspaces (coder-api.md §8) ----

export type WorkspaceTransition = "start" | "stop" | "delete";
export type WorkspaceStatus =
  | "pending"
  | "starting"
  | "running"
  | "stopping"
  | "stopped"
  | "failed"
  | "canceling"
  | "canceled"
  | "deleting"
  | "deleted";
export type BuildReason = string;

export interface WorkspaceBuild {
  id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  workspace_id: UUID;
  workspace_name: string;
  workspace_owner_id: UUID;
  workspace_owner_name: string;
  workspace_owner_avatar_url?: string;
  template_version_id: UUID;
  template_version_name: string;
  build_number: number;
  transition: WorkspaceTransition;
  initiator_id: UUID;
  initiator_name: string;
  job: ProvisionerJob;
  reason: BuildReason;
  resources: WorkspaceResource[];
  deadline?: RFC3339;
  max_deadline?: RFC3339;
  status: WorkspaceStatus;
  daily_cost: number;
}

export interface Workspace {
  id: UUID;
  created_at: RFC3339;
  updated_at: RFC3339;
  owner_id: UUID;
  owner_name: string;
  owner_avatar_url?: string;
  organization_id: UUID;
  organization_name?: string;
  template_id: UUID;
  template_name: string;
  template_display_name?: string;
  template_icon?: string;
  template_allow_user_cancel_workspace_jobs: boolean;
  template_active_version_id: UUID;
  template_require_active_version: boolean;
  latest_build: WorkspaceBuild;
  outdated: boolean;
  name: string;
  autostart_schedule?: string;
  ttl_ms?: number;
  last_used_at: RFC3339;
  deleting_at?: RFC3339 | null;
  dormant_at?: RFC3339 | null;
  health: { healthy: boolean; failing_agents: UUID[] };
  automatic_updates: "always" | "never";
  allow_renames?: boolean;
  favorite?: boolean;
  next_start_at?: RFC3339 | null;
}

export interface WorkspacesResponse {
  workspaces: Workspace[];
  count: number;
}

export interface WorkspaceBuildParameter {
  name: string;
  value: string;
}

export interface CreateWorkspaceRequest {
  template_id?: UUID;
  template_version_id?: UUID;
  name: string;
  autostart_schedule?: string | null;
  ttl_ms?: number | null;
  rich_parameter_values?: WorkspaceBuildParameter[];
  automatic_updates?: "always" | "never";
  template_version_preset_id?: UUID;
}

export interface CreateWorkspaceBuildRequest {
  transition: WorkspaceTransition;
  template_version_id?: UUID;
  dry_run?: boolean;
  orphan?: boolean;
  rich_parameter_values?: WorkspaceBuildParameter[];
  log_level?: "debug";
  template_version_preset_id?: UUID;
  reason?: string;
}
