// Every call the dashboard makes to coderd. Components never call fetch; they use the hooks in
// ./queries, which call these functions. Tests mock this module at the boundary.
import { ApiError, request, websocketUrl } from "./client";
import type { JobLogsPath } from "./paths";
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
  CreateTemplateRequest,
  CreateTemplateVersionRequest,
  CreateWorkspaceBuildRequest,
  CreateWorkspaceRequest,
  Preset,
  ProvisionerJobLog,
  Template,
  TemplateExample,
  TemplateVersion,
  TemplateVersionParameter,
  TemplateVersionVariable,
  TokenConfig,
  UpdateTemplateMeta,
  UploadResponse,
  Workspace,
  WorkspaceBuild,
  WorkspaceBuildParameter,
  WorkspaceResource,
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
 * The workspace list. Until the server has the route (404), the list is honestly empty rather than
 * an error, and `available` says so.
 */
export async function getWorkspaces(
  q: string,
  page: { limit?: number; offset?: number } = {},
): Promise<WorkspacesResponse & { available: boolean }> {
  try {
    const res = await request<WorkspacesResponse>("/workspaces", { query: { q, limit: page.limit, offset: page.offset } });
    return { workspaces: res.workspaces ?? [], count: res.count ?? 0, available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { workspaces: [], count: 0, available: false };
    throw error;
  }
}

/** Templates may not be served by an older server: 404 means "none yet". */
export async function getTemplates(): Promise<{ templates: Template[]; available: boolean }> {
  try {
    const res = await request<Template[] | null>("/templates");
    return { templates: res ?? [], available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { templates: [], available: false };
    throw error;
  }
}

// ---- Templates ----
// Template routes under /templates/{name} address the default organization, as Coder's do.
const ORG = "default";
const id = encodeURIComponent;

export const getTemplateByName = (name: string, organization = ORG) =>
  request<Template>(`/organizations/${id(organization)}/templates/${id(name)}`);

export const getTemplate = (templateId: string) => request<Template>(`/templates/${id(templateId)}`);

/** `PATCH /templates/{id}`; undefined when the server answered 304 (nothing changed). */
export const updateTemplateMeta = (templateId: string, req: UpdateTemplateMeta) =>
  request<Template | undefined>(`/templates/${id(templateId)}`, { method: "PATCH", body: req });

export const deleteTemplate = (templateId: string) =>
  request<void>(`/templates/${id(templateId)}`, { method: "DELETE" });

export const getTemplateVersions = (templateId: string, includeArchived = false) =>
  request<TemplateVersion[] | null>(`/templates/${id(templateId)}/versions`, {
    query: { include_archived: includeArchived || undefined },
  }).then((v) => v ?? []);

export const getTemplateVersionByName = (templateId: string, versionName: string) =>
  request<TemplateVersion>(`/templates/${id(templateId)}/versions/${id(versionName)}`);

export const updateActiveTemplateVersion = (templateId: string, versionId: string) =>
  request<void>(`/templates/${id(templateId)}/versions`, { method: "PATCH", body: { id: versionId } });

export const getTemplateExamples = () =>
  request<TemplateExample[] | null>(`/organizations/${ORG}/templates/examples`).then((e) => e ?? []);

export const createTemplate = (req: CreateTemplateRequest, organization = ORG) =>
  request<Template>(`/organizations/${id(organization)}/templates`, { method: "POST", body: req });

// ---- Files and template versions ----

/** Uploads a template archive; zip files are converted to tar by the server. */
export function uploadFile(file: File): Promise<UploadResponse> {
  const zip = /\.zip$/i.test(file.name) || file.type === "application/zip" || file.type === "application/x-zip-compressed";
  return request<UploadResponse>("/files", {
    method: "POST",
    raw: { body: file, contentType: zip ? "application/zip" : "application/x-tar" },
  });
}

export const createTemplateVersion = (req: CreateTemplateVersionRequest, organization = ORG) =>
  request<TemplateVersion>(`/organizations/${id(organization)}/templateversions`, { method: "POST", body: req });

export const getTemplateVersion = (versionId: string) => request<TemplateVersion>(`/templateversions/${id(versionId)}`);

export const cancelTemplateVersion = (versionId: string) =>
  request<void>(`/templateversions/${id(versionId)}/cancel`, { method: "PATCH" });

export const archiveTemplateVersion = (versionId: string) =>
  request<void>(`/templateversions/${id(versionId)}/archive`, { method: "POST" });

export const unarchiveTemplateVersion = (versionId: string) =>
  request<void>(`/templateversions/${id(versionId)}/unarchive`, { method: "POST" });

export const getTemplateVersionResources = (versionId: string) =>
  request<WorkspaceResource[] | null>(`/templateversions/${id(versionId)}/resources`).then((r) => r ?? []);

export const getTemplateVersionRichParameters = (versionId: string) =>
  request<TemplateVersionParameter[] | null>(`/templateversions/${id(versionId)}/rich-parameters`).then((p) => p ?? []);

export const getTemplateVersionVariables = (versionId: string) =>
  request<TemplateVersionVariable[] | null>(`/templateversions/${id(versionId)}/variables`).then((v) => v ?? []);

export const getTemplateVersionPresets = (versionId: string) =>
  request<Preset[] | null>(`/templateversions/${id(versionId)}/presets`).then((p) => p ?? []);

// ---- Provisioner job logs (templateversions/{id}/logs and workspacebuilds/{id}/logs) ----


export const getJobLogs = (path: JobLogsPath) =>
  request<ProvisionerJobLog[] | null>(path).then((l) => l ?? []);

export interface LogFollower {
  close: () => void;
}

/**
 * Follows a job's logs over a WebSocket (`?follow&after=N`): the server sends one JSON log per
 * text frame, first the stored ones, then live ones, and closes the socket when the job ends.
 */
export function followJobLogs(
  path: JobLogsPath,
  after: number | undefined,
  handlers: { onLog: (log: ProvisionerJobLog) => void; onDone: () => void; onError: (message: string) => void },
): LogFollower {
  const socket = new WebSocket(websocketUrl(path, { follow: true, after }));
  let closedByUs = false;
  socket.onmessage = (event) => {
    if (typeof event.data !== "string") return;
    try {
      handlers.onLog(JSON.parse(event.data) as ProvisionerJobLog);
    } catch {
      handlers.onError("The server sent a log line that is not valid JSON.");
    }
  };
  socket.onclose = (event) => {
    if (closedByUs) return;
    if (event.code === 1000 || event.code === 1005) handlers.onDone();
    else handlers.onError(event.reason || `The log stream closed unexpectedly (code ${event.code}).`);
  };
  return {
    close: () => {
      closedByUs = true;
      socket.close();
    },
  };
}

// ---- Workspaces ----

export const getWorkspaceByOwnerAndName = (owner: string, name: string) =>
  request<Workspace>(`/users/${id(owner)}/workspace/${id(name)}`, { query: { include_deleted: true } });

export const getWorkspace = (workspaceId: string) => request<Workspace>(`/workspaces/${id(workspaceId)}`);

export const createWorkspace = (owner: string, req: CreateWorkspaceRequest) =>
  request<Workspace>(`/users/${id(owner)}/workspaces`, { method: "POST", body: req });

export const createWorkspaceBuild = (workspaceId: string, req: CreateWorkspaceBuildRequest) =>
  request<WorkspaceBuild>(`/workspaces/${id(workspaceId)}/builds`, { method: "POST", body: req });

export const getWorkspaceBuilds = (workspaceId: string, limit = 25) =>
  request<WorkspaceBuild[] | null>(`/workspaces/${id(workspaceId)}/builds`, { query: { limit } }).then((b) => b ?? []);

export const getWorkspaceBuildParameters = (buildId: string) =>
  request<WorkspaceBuildParameter[] | null>(`/workspacebuilds/${id(buildId)}/parameters`).then((p) => p ?? []);

export const cancelWorkspaceBuild = (buildId: string) =>
  request<void>(`/workspacebuilds/${id(buildId)}/cancel`, { method: "PATCH" });

export const extendWorkspace = (workspaceId: string, deadline: string) =>
  request<void>(`/workspaces/${id(workspaceId)}/extend`, { method: "PUT", body: { deadline } });

export const updateWorkspaceTTL = (workspaceId: string, ttlMs: number | null) =>
  request<void>(`/workspaces/${id(workspaceId)}/ttl`, { method: "PUT", body: { ttl_ms: ttlMs } });

export const updateWorkspaceAutostart = (workspaceId: string, schedule: string | null) =>
  request<void>(`/workspaces/${id(workspaceId)}/autostart`, { method: "PUT", body: { schedule } });

export interface WorkspaceWatcher {
  close: () => void;
}

/**
 * Watches a workspace over Server-Sent Events (`GET /workspaces/{id}/watch`): every change arrives
 * as an `event: data` with the full workspace; `event: error` carries a Coder `Response`.
 * EventSource reconnects by itself after network errors.
 */
export function watchWorkspace(
  workspaceId: string,
  handlers: { onWorkspace: (workspace: Workspace) => void; onError: (message: string) => void },
): WorkspaceWatcher {
  const source = new EventSource(`/api/v2/workspaces/${id(workspaceId)}/watch`, { withCredentials: true });
  source.addEventListener("data", (event) => {
    try {
      handlers.onWorkspace(JSON.parse((event as MessageEvent<string>).data) as Workspace);
    } catch {
      handlers.onError("The server sent a workspace update that is not valid JSON.");
    }
  });
  source.addEventListener("error", (event) => {
    const data = (event as MessageEvent<string>).data;
    if (typeof data === "string" && data) {
      try {
        handlers.onError((JSON.parse(data) as { message?: string }).message ?? data);
      } catch {
        handlers.onError(data);
      }
    }
  });
  return { close: () => source.close() };
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
