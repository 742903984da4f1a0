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

/** Minimal views of resources that later issues add; only the fields the lists show. */
export interface Workspace {
  id: UUID;
  name: string;
  owner_name: string;
  template_name: string;
  template_display_name?: string;
  last_used_at: RFC3339;
  latest_build: { status: string; transition: string };
}

export interface WorkspacesResponse {
  workspaces: Workspace[];
  count: number;
}

export interface Template {
  id: UUID;
  name: string;
  display_name: string;
  description: string;
  icon: string;
  active_user_count: number;
  updated_at: RFC3339;
  organization_name?: string;
}

/** Result of probing `GET /healthz`. */
export interface Healthz {
  ok: boolean;
  status: number;
  body: string;
  latencyMs: number;
}
