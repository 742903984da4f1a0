// Every call the dashboard makes to coderd. Components never call fetch; they use the hooks in
// ./queries, which call these functions. Tests mock this module at the boundary.
import { ApiError, request } from "./client";
import type {
  APIKeyWithOwner,
  AssignableRoles,
  AuthMethods,
  AuthorizationRequest,
  AuthorizationResponse,
  BuildInfoResponse,
  CreateFirstUserRequest,
  CreateFirstUserResponse,
  CreateTokenRequest,
  CreateUserRequest,
  GenerateAPIKeyResponse,
  GetUsersResponse,
  GitSSHKey,
  Healthz,
  LoginWithPasswordRequest,
  LoginWithPasswordResponse,
  Organization,
  Template,
  TokenConfig,
  UpdateUserPasswordRequest,
  UpdateUserProfileRequest,
  User,
  UserRoles,
  UsersRequest,
  WorkspacesResponse,
} from "./types";

export const getBuildInfo = () => request<BuildInfoResponse>("/buildinfo");

/** Whether the first user exists: `GET /users/first` is 200 when it does and 404 before setup. */
export async function hasFirstUser(): Promise<boolean> {
  try {
    await request("/users/first");
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

export const createFirstUser = (req: CreateFirstUserRequest) =>
  request<CreateFirstUserResponse>("/users/first", { method: "POST", body: req });

export const getAuthMethods = () => request<AuthMethods>("/users/authmethods");

export const login = (req: LoginWithPasswordRequest) =>
  request<LoginWithPasswordResponse>("/users/login", { method: "POST", body: req });

export const logout = () => request<void>("/users/logout", { method: "POST" });

/** The signed-in user, or null when the session is missing or expired (401). */
export async function getAuthenticatedUser(): Promise<User | null> {
  try {
    return await request<User>("/users/me");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const getUsers = (req: UsersRequest) =>
  request<GetUsersResponse>("/users", { query: { q: req.q, limit: req.limit, offset: req.offset } });

export const getUser = (user: string) => request<User>(`/users/${encodeURIComponent(user)}`);

export const createUser = (req: CreateUserRequest) =>
  request<User>("/users", { method: "POST", body: req });

export const updateProfile = (user: string, req: UpdateUserProfileRequest) =>
  request<User>(`/users/${encodeURIComponent(user)}/profile`, { method: "PUT", body: req });

export const updatePassword = (user: string, req: UpdateUserPasswordRequest) =>
  request<void>(`/users/${encodeURIComponent(user)}/password`, { method: "PUT", body: req });

export const suspendUser = (user: string) =>
  request<User>(`/users/${encodeURIComponent(user)}/status/suspend`, { method: "PUT" });

export const activateUser = (user: string) =>
  request<User>(`/users/${encodeURIComponent(user)}/status/activate`, { method: "PUT" });

export const deleteUser = (user: string) =>
  request<void>(`/users/${encodeURIComponent(user)}`, { method: "DELETE" });

export const getUserRoles = (user: string) =>
  request<UserRoles>(`/users/${encodeURIComponent(user)}/roles`);

export const updateUserRoles = (user: string, roles: string[]) =>
  request<User>(`/users/${encodeURIComponent(user)}/roles`, { method: "PUT", body: { roles } });

export const getAssignableRoles = () => request<AssignableRoles[]>("/users/roles");

export const getTokens = (user: string) =>
  request<APIKeyWithOwner[] | null>(`/users/${encodeURIComponent(user)}/keys/tokens`).then((t) => t ?? []);

/** The deployment's maximum token lifetime, or null when the server does not publish it. */
export async function getTokenConfig(user: string): Promise<TokenConfig | null> {
  try {
    return await request<TokenConfig>(`/users/${encodeURIComponent(user)}/keys/tokens/tokenconfig`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

export const createToken = (user: string, req: CreateTokenRequest) =>
  request<GenerateAPIKeyResponse>(`/users/${encodeURIComponent(user)}/keys/tokens`, {
    method: "POST",
    body: req,
  });

export const deleteToken = (user: string, keyId: string) =>
  request<void>(`/users/${encodeURIComponent(user)}/keys/${encodeURIComponent(keyId)}`, {
    method: "DELETE",
  });

export const getGitSSHKey = (user: string) =>
  request<GitSSHKey>(`/users/${encodeURIComponent(user)}/gitsshkey`);

export const regenerateGitSSHKey = (user: string) =>
  request<GitSSHKey>(`/users/${encodeURIComponent(user)}/gitsshkey`, { method: "PUT" });

export const getOrganizations = () => request<Organization[]>("/organizations");

export const checkAuthorization = (req: AuthorizationRequest) =>
  request<AuthorizationResponse>("/authcheck", { method: "POST", body: req });

/**
 * Workspaces arrive with a later issue: until the server has the route (404), the list is
 * honestly empty rather than an error.
 */
export async function getWorkspaces(q: string): Promise<WorkspacesResponse & { available: boolean }> {
  try {
    const res = await request<WorkspacesResponse>("/workspaces", { query: { q } });
    return { workspaces: res.workspaces ?? [], count: res.count ?? 0, available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { workspaces: [], count: 0, available: false };
    throw error;
  }
}

/** Templates, like workspaces, may not be served yet: 404 means "none yet". */
export async function getTemplates(): Promise<{ templates: Template[]; available: boolean }> {
  try {
    const res = await request<Template[] | null>("/templates");
    return { templates: res ?? [], available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { templates: [], available: false };
    throw error;
  }
}

/** Probes the unauthenticated `/healthz` endpoint (plain text "OK"). */
export async function getHealthz(): Promise<Healthz> {
  const started = performance.now();
  try {
    const res = await fetch("/healthz", { credentials: "same-origin" });
    const body = (await res.text()).trim();
    return { ok: res.ok, status: res.status, body, latencyMs: Math.round(performance.now() - started) };
  } catch (cause) {
    return {
      ok: false,
      status: 0,
      body: cause instanceof Error ? cause.message : String(cause),
      latencyMs: Math.round(performance.now() - started),
    };
  }
}
