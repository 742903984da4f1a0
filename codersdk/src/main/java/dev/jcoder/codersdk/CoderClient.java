package dev.jcoder.codersdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Java client of the jcoder (and Coder) REST API. Every method is one request; a non-2xx
 * answer throws {@link CoderApiException} carrying the server's {@link Response}. Thread-safe.
 *
 * <pre>{@code
 * var client = new CoderClient(URI.create("http://127.0.0.1:3000"));
 * var token = client.login("admin@example.com", "password").sessionToken();
 * var me = client.withToken(token).user("me");
 * }</pre>
 */
public final class CoderClient {
    /** The header that carries a session token; requests that use it are exempt from CSRF checks. */
    public static final String SESSION_TOKEN_HEADER = "Coder-Session-Token";
    /** The cookie the server sets at login. */
    public static final String SESSION_TOKEN_COOKIE = "coder_session_token";
    /** The header on every response naming the server's version. */
    public static final String BUILD_VERSION_HEADER = "X-Coder-Build-Version";

    private static final HttpClient SHARED_HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI baseUrl;
    private final Optional<String> sessionToken;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    public CoderClient(URI baseUrl) {
        this(baseUrl, Optional.empty(), SHARED_HTTP);
    }

    private CoderClient(URI baseUrl, Optional<String> sessionToken, HttpClient http) {
        String text = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.sessionToken = sessionToken;
        this.http = http;
    }

    /** A client for the same server that authenticates with the given session or API token. */
    public CoderClient withToken(String token) {
        return new CoderClient(baseUrl, Optional.of(token), http);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Optional<String> sessionToken() {
        return sessionToken;
    }

    // ---- deployment ------------------------------------------------------------------------

    public BuildInfoResponse buildInfo() {
        return get("/api/v2/buildinfo", BuildInfoResponse.class);
    }

    /** True when the server is up ({@code GET /healthz} answers 200). */
    public boolean healthy() {
        try {
            HttpResponse<String> response = http.send(
                    request("/healthz").GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- first user, login ---------------------------------------------------------------

    /** True once the deployment has a user; false on a fresh deployment that still needs its owner. */
    public boolean hasFirstUser() {
        try {
            get("/api/v2/users/first", Response.class);
            return true;
        } catch (CoderApiException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public CreateFirstUserResponse createFirstUser(CreateFirstUserRequest request) {
        return post("/api/v2/users/first", request, CreateFirstUserResponse.class);
    }

    public LoginWithPasswordResponse login(String email, String password) {
        return post("/api/v2/users/login", new LoginWithPasswordRequest(email, password),
                LoginWithPasswordResponse.class);
    }

    public void logout() {
        post("/api/v2/users/logout", Map.of(), Response.class);
    }

    public AuthMethods authMethods() {
        return get("/api/v2/users/authmethods", AuthMethods.class);
    }

    // ---- users -----------------------------------------------------------------------------

    /** {@code GET /users} with Coder's {@code q} filter syntax; limit 0 means no limit. */
    public GetUsersResponse users(String query, int limit, int offset) {
        return get("/api/v2/users" + queryString(Map.of("q", query, "limit", limit, "offset", offset)),
                GetUsersResponse.class);
    }

    public User createUser(CreateUserRequest request) {
        return post("/api/v2/users", request, User.class);
    }

    /** A user by id, username or {@code me}. */
    public User user(String user) {
        return get("/api/v2/users/" + segment(user), User.class);
    }

    public User updateProfile(String user, UpdateUserProfileRequest request) {
        return put("/api/v2/users/" + segment(user) + "/profile", request, User.class);
    }

    public User suspendUser(String user) {
        return put("/api/v2/users/" + segment(user) + "/status/suspend", Map.of(), User.class);
    }

    public User activateUser(String user) {
        return put("/api/v2/users/" + segment(user) + "/status/activate", Map.of(), User.class);
    }

    public void updatePassword(String user, UpdateUserPasswordRequest request) {
        put("/api/v2/users/" + segment(user) + "/password", request, Void.class);
    }

    public UserRoles userRoles(String user) {
        return get("/api/v2/users/" + segment(user) + "/roles", UserRoles.class);
    }

    public User updateUserRoles(String user, List<String> roles) {
        return put("/api/v2/users/" + segment(user) + "/roles", new UpdateRoles(roles), User.class);
    }

    public List<AssignableRole> assignableSiteRoles() {
        return send("GET", "/api/v2/users/roles", null, new TypeReference<List<AssignableRole>>() {});
    }

    public void deleteUser(String user) {
        send("DELETE", "/api/v2/users/" + segment(user), null, Void.class);
    }

    public GitSshKey gitSshKey(String user) {
        return get("/api/v2/users/" + segment(user) + "/gitsshkey", GitSshKey.class);
    }

    public GitSshKey regenerateGitSshKey(String user) {
        return put("/api/v2/users/" + segment(user) + "/gitsshkey", Map.of(), GitSshKey.class);
    }

    // ---- tokens ----------------------------------------------------------------------------

    public GenerateApiKeyResponse createToken(String user, CreateTokenRequest request) {
        return post("/api/v2/users/" + segment(user) + "/keys/tokens", request, GenerateApiKeyResponse.class);
    }

    public List<ApiKey> tokens(String user, boolean includeAll) {
        return send("GET", "/api/v2/users/" + segment(user) + "/keys/tokens" + (includeAll ? "?include_all=true" : ""),
                null, new TypeReference<List<ApiKey>>() {});
    }

    public ApiKey tokenByName(String user, String tokenName) {
        return get("/api/v2/users/" + segment(user) + "/keys/tokens/" + segment(tokenName), ApiKey.class);
    }

    public TokenConfig tokenConfig(String user) {
        return get("/api/v2/users/" + segment(user) + "/keys/tokens/tokenconfig", TokenConfig.class);
    }

    public ApiKey apiKey(String user, String keyId) {
        return get("/api/v2/users/" + segment(user) + "/keys/" + segment(keyId), ApiKey.class);
    }

    public void deleteApiKey(String user, String keyId) {
        send("DELETE", "/api/v2/users/" + segment(user) + "/keys/" + segment(keyId), null, Void.class);
    }

    /**
     * {@code POST /users/{user}/keys}: a new session key with the session lifetime, as {@code coder
     * login --token} creates so that the saved session is not the token given on the command line.
     */
    public GenerateApiKeyResponse createApiKey(String user) {
        return post("/api/v2/users/" + segment(user) + "/keys", Map.of(), GenerateApiKeyResponse.class);
    }

    // ---- organizations ---------------------------------------------------------------------

    public List<Organization> organizations() {
        return send("GET", "/api/v2/organizations", null, new TypeReference<List<Organization>>() {});
    }

    /** An organization by id or name. */
    public Organization organization(String organization) {
        return get("/api/v2/organizations/" + segment(organization), Organization.class);
    }

    public List<OrganizationMemberWithUserData> organizationMembers(String organization) {
        return send("GET", "/api/v2/organizations/" + segment(organization) + "/members", null,
                new TypeReference<List<OrganizationMemberWithUserData>>() {});
    }

    public Map<String, Boolean> authCheck(AuthorizationRequest request) {
        return send("POST", "/api/v2/authcheck", request, new TypeReference<Map<String, Boolean>>() {});
    }

    // ---- files -----------------------------------------------------------------------------

    /** Uploads an archive ({@code application/x-tar} or {@code application/zip}); the same content again returns the same id. */
    public UploadResponse uploadFile(String contentType, byte[] archive) {
        HttpRequest.Builder builder = request("/api/v2/files").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive));
        HttpResponse<String> response = execute(builder.build());
        if (response.statusCode() / 100 != 2) {
            throw new CoderApiException(response.statusCode(), parseError(response));
        }
        try {
            return json.readValue(response.body(), UploadResponse.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The server's answer to POST /api/v2/files is not the expected JSON.", e);
        }
    }

    /** The raw bytes of an uploaded file ({@code format} "zip" converts a tar to zip; empty for as uploaded). */
    public byte[] downloadFile(UUID fileId, String format) {
        return getBytes("/api/v2/files/" + fileId + (format == null || format.isEmpty() ? "" : "?format=" + segment(format)));
    }

    // ---- template versions -----------------------------------------------------------------

    public TemplateVersion createTemplateVersion(String organization, CreateTemplateVersionRequest request) {
        return post("/api/v2/organizations/" + segment(organization) + "/templateversions", request, TemplateVersion.class);
    }

    public TemplateVersion templateVersion(UUID id) {
        return get("/api/v2/templateversions/" + id, TemplateVersion.class);
    }

    public TemplateVersion patchTemplateVersion(UUID id, PatchTemplateVersionRequest request) {
        return send("PATCH", "/api/v2/templateversions/" + id, request, TemplateVersion.class);
    }

    public void cancelTemplateVersion(UUID id) {
        send("PATCH", "/api/v2/templateversions/" + id + "/cancel", Map.of(), Response.class);
    }

    public void archiveTemplateVersion(UUID id) {
        post("/api/v2/templateversions/" + id + "/archive", Map.of(), Response.class);
    }

    public void unarchiveTemplateVersion(UUID id) {
        post("/api/v2/templateversions/" + id + "/unarchive", Map.of(), Response.class);
    }

    public List<TemplateVersionParameter> templateVersionRichParameters(UUID id) {
        return send("GET", "/api/v2/templateversions/" + id + "/rich-parameters", null,
                new TypeReference<List<TemplateVersionParameter>>() {});
    }

    public List<TemplateVersionVariable> templateVersionVariables(UUID id) {
        return send("GET", "/api/v2/templateversions/" + id + "/variables", null,
                new TypeReference<List<TemplateVersionVariable>>() {});
    }

    public List<WorkspaceResource> templateVersionResources(UUID id) {
        return send("GET", "/api/v2/templateversions/" + id + "/resources", null,
                new TypeReference<List<WorkspaceResource>>() {});
    }

    public List<Preset> templateVersionPresets(UUID id) {
        return send("GET", "/api/v2/templateversions/" + id + "/presets", null, new TypeReference<List<Preset>>() {});
    }

    /** The stored logs of the version's import job with an id above {@code after} (0 for all). */
    public List<ProvisionerJobLog> templateVersionLogs(UUID id, long after) {
        return send("GET", "/api/v2/templateversions/" + id + "/logs" + (after > 0 ? "?after=" + after : ""), null,
                new TypeReference<List<ProvisionerJobLog>>() {});
    }

    /**
     * Follows the import job's logs over a WebSocket: first the stored lines after {@code after},
     * then new ones as they arrive, until the job completes. {@code onLog} runs on the caller's
     * thread; returns when the server closes the stream.
     */
    public void followTemplateVersionLogs(UUID id, long after, java.util.function.Consumer<ProvisionerJobLog> onLog)
            throws InterruptedException {
        followLogs("/api/v2/templateversions/" + id + "/logs?follow=true" + (after > 0 ? "&after=" + after : ""), onLog);
    }

    public TemplateVersion templateVersionByName(String organization, String template, String version) {
        return get("/api/v2/organizations/" + segment(organization) + "/templates/" + segment(template) + "/versions/"
                + segment(version), TemplateVersion.class);
    }

    public TemplateVersion previousTemplateVersion(String organization, String template, String version) {
        return get("/api/v2/organizations/" + segment(organization) + "/templates/" + segment(template) + "/versions/"
                + segment(version) + "/previous", TemplateVersion.class);
    }

    // ---- templates -------------------------------------------------------------------------

    public Template createTemplate(String organization, CreateTemplateRequest request) {
        return post("/api/v2/organizations/" + segment(organization) + "/templates", request, Template.class);
    }

    public List<Template> templates(String organization) {
        return send("GET", "/api/v2/organizations/" + segment(organization) + "/templates", null,
                new TypeReference<List<Template>>() {});
    }

    /** Templates in every organization the caller can see, filtered with Coder's {@code q} syntax. */
    public List<Template> allTemplates(String query) {
        return send("GET", "/api/v2/templates" + queryString(Map.of("q", query == null ? "" : query)), null,
                new TypeReference<List<Template>>() {});
    }

    public Template template(UUID id) {
        return get("/api/v2/templates/" + id, Template.class);
    }

    public Template templateByName(String organization, String name) {
        return get("/api/v2/organizations/" + segment(organization) + "/templates/" + segment(name), Template.class);
    }

    /** Changes settings; returns the template unchanged when nothing changed (the server answers 304). */
    public Template updateTemplateMeta(UUID id, UpdateTemplateMeta request) {
        try {
            return send("PATCH", "/api/v2/templates/" + id, request, Template.class);
        } catch (CoderApiException e) {
            if (e.statusCode() == 304) {
                return template(id);
            }
            throw e;
        }
    }

    public void deleteTemplate(UUID id) {
        send("DELETE", "/api/v2/templates/" + id, null, Response.class);
    }

    public void updateActiveTemplateVersion(UUID templateId, UUID versionId) {
        send("PATCH", "/api/v2/templates/" + templateId + "/versions", new UpdateActiveTemplateVersion(versionId),
                Response.class);
    }

    public List<TemplateVersion> templateVersions(UUID templateId, boolean includeArchived) {
        return send("GET", "/api/v2/templates/" + templateId + "/versions" + (includeArchived ? "?include_archived=true" : ""),
                null, new TypeReference<List<TemplateVersion>>() {});
    }

    public TemplateVersion templateVersionOfTemplate(UUID templateId, String versionName) {
        return get("/api/v2/templates/" + templateId + "/versions/" + segment(versionName), TemplateVersion.class);
    }

    public ArchiveTemplateVersionsResponse archiveTemplateVersions(UUID templateId, boolean all) {
        return post("/api/v2/templates/" + templateId + "/versions/archive", new ArchiveTemplateVersionsRequest(all),
                ArchiveTemplateVersionsResponse.class);
    }

    public List<TemplateExample> templateExamples() {
        return send("GET", "/api/v2/templates/examples", null, new TypeReference<List<TemplateExample>>() {});
    }

    // ---- provisioner jobs and daemons ------------------------------------------------------

    /** Jobs of an organization, newest first; {@code status} filters when not empty. */
    public List<ProvisionerJob> provisionerJobs(String organization, String status, int limit) {
        return send("GET", "/api/v2/organizations/" + segment(organization) + "/provisionerjobs"
                        + queryString(Map.of("status", status == null ? "" : status, "limit", limit > 0 ? limit : "")),
                null, new TypeReference<List<ProvisionerJob>>() {});
    }

    public ProvisionerJob provisionerJob(String organization, UUID jobId) {
        return get("/api/v2/organizations/" + segment(organization) + "/provisionerjobs/" + jobId, ProvisionerJob.class);
    }

    public List<ProvisionerDaemon> provisionerDaemons(String organization) {
        return send("GET", "/api/v2/organizations/" + segment(organization) + "/provisionerdaemons", null,
                new TypeReference<List<ProvisionerDaemon>>() {});
    }

    // ---- workspaces ------------------------------------------------------------------------

    /** {@code POST /users/{user}/workspaces}: the organization is the template's. Answers 201 with build #1 pending. */
    public Workspace createWorkspace(String user, CreateWorkspaceRequest request) {
        return post("/api/v2/users/" + segment(user) + "/workspaces", request, Workspace.class);
    }

    /** {@code POST /organizations/{org}/members/{user}/workspaces}. */
    public Workspace createWorkspace(String organization, String user, CreateWorkspaceRequest request) {
        return post("/api/v2/organizations/" + segment(organization) + "/members/" + segment(user) + "/workspaces",
                request, Workspace.class);
    }

    /**
     * {@code GET /workspaces} with Coder's {@code q} filter (e.g. {@code owner:me status:running}); limit 0
     * means no limit. {@code count} is the number matching, ignoring pagination.
     */
    public WorkspacesResponse workspaces(String query, int limit, int offset) {
        return get("/api/v2/workspaces" + queryString(Map.of("q", query == null ? "" : query,
                "limit", limit > 0 ? limit : "", "offset", offset > 0 ? offset : "")), WorkspacesResponse.class);
    }

    /** A workspace by id; a deleted one answers 410 Gone. */
    public Workspace workspace(UUID id) {
        return workspace(id, false);
    }

    /** A workspace by id, deleted ones too when {@code includeDeleted}. */
    public Workspace workspace(UUID id, boolean includeDeleted) {
        return get("/api/v2/workspaces/" + id + (includeDeleted ? "?include_deleted=true" : ""), Workspace.class);
    }

    /** {@code GET /users/{user}/workspace/{name}}: the owner by id, username or {@code me}. */
    public Workspace workspaceByOwnerAndName(String owner, String name, boolean includeDeleted) {
        return get("/api/v2/users/" + segment(owner) + "/workspace/" + segment(name)
                + (includeDeleted ? "?include_deleted=true" : ""), Workspace.class);
    }

    /**
     * {@code GET /workspaces/{id}/watch}: the workspace (as Server-Sent Events) now and after every
     * change, until the stream is closed.
     */
    public EventStream<Workspace> watchWorkspace(UUID id) {
        return serverSentEvents("/api/v2/workspaces/" + id + "/watch", Workspace.class);
    }

    /** {@code PATCH /workspaces/{id}}: renames (the server must allow renames). */
    public void updateWorkspace(UUID id, UpdateWorkspaceRequest request) {
        send("PATCH", "/api/v2/workspaces/" + id, request, Void.class);
    }

    public void updateWorkspaceTtl(UUID id, UpdateWorkspaceTTLRequest request) {
        put("/api/v2/workspaces/" + id + "/ttl", request, Void.class);
    }

    public void updateWorkspaceAutostart(UUID id, UpdateWorkspaceAutostartRequest request) {
        put("/api/v2/workspaces/" + id + "/autostart", request, Void.class);
    }

    /** Moves a running workspace's deadline; the server answers 304 (no error) when it is already that deadline. */
    public void extendWorkspace(UUID id, PutExtendWorkspaceRequest request) {
        try {
            put("/api/v2/workspaces/" + id + "/extend", request, Response.class);
        } catch (CoderApiException e) {
            if (e.statusCode() != 304) {
                throw e;
            }
        }
    }

    public void updateWorkspaceAutomaticUpdates(UUID id, UpdateWorkspaceAutomaticUpdatesRequest request) {
        put("/api/v2/workspaces/" + id + "/autoupdates", request, Void.class);
    }

    /** Makes a workspace dormant or activates it; returns the workspace as it is now (also when unchanged). */
    public Workspace updateWorkspaceDormancy(UUID id, UpdateWorkspaceDormancy request) {
        try {
            return put("/api/v2/workspaces/" + id + "/dormant", request, Workspace.class);
        } catch (CoderApiException e) {
            if (e.statusCode() == 304) {
                return workspace(id);
            }
            throw e;
        }
    }

    /** Reports that the workspace is in use: bumps its last use and autostop deadline (204). Null: an empty body. */
    public void postWorkspaceUsage(UUID id, PostWorkspaceUsageRequest request) {
        send("POST", "/api/v2/workspaces/" + id + "/usage", request, Void.class);
    }

    public void favoriteWorkspace(UUID id) {
        put("/api/v2/workspaces/" + id + "/favorite", null, Void.class);
    }

    public void unfavoriteWorkspace(UUID id) {
        send("DELETE", "/api/v2/workspaces/" + id + "/favorite", null, Void.class);
    }

    public ResolveAutostartResponse resolveAutostart(UUID id) {
        return get("/api/v2/workspaces/" + id + "/resolve-autostart", ResolveAutostartResponse.class);
    }

    /** The timings of the workspace's latest build. */
    public WorkspaceBuildTimings workspaceTimings(UUID id) {
        return get("/api/v2/workspaces/" + id + "/timings", WorkspaceBuildTimings.class);
    }

    // ---- workspace builds ------------------------------------------------------------------

    /** {@code POST /workspaces/{id}/builds}: 201 with the new build; 409 while another build is active. */
    public WorkspaceBuild createWorkspaceBuild(UUID workspaceId, CreateWorkspaceBuildRequest request) {
        return post("/api/v2/workspaces/" + workspaceId + "/builds", request, WorkspaceBuild.class);
    }

    /** The workspace's builds, newest first; limit 0 means no limit. */
    public List<WorkspaceBuild> workspaceBuilds(UUID workspaceId, int limit, int offset) {
        return send("GET", "/api/v2/workspaces/" + workspaceId + "/builds"
                        + queryString(Map.of("limit", limit > 0 ? limit : "", "offset", offset > 0 ? offset : "")),
                null, new TypeReference<List<WorkspaceBuild>>() {});
    }

    public WorkspaceBuild workspaceBuild(UUID id) {
        return get("/api/v2/workspacebuilds/" + id, WorkspaceBuild.class);
    }

    /** {@code GET /users/{user}/workspace/{name}/builds/{number}}. */
    public WorkspaceBuild workspaceBuildByNumber(String owner, String workspaceName, int buildNumber) {
        return get("/api/v2/users/" + segment(owner) + "/workspace/" + segment(workspaceName) + "/builds/"
                + buildNumber, WorkspaceBuild.class);
    }

    /** Cancels the build's job; 412 or 400 when it has already finished or is being canceled. */
    public void cancelWorkspaceBuild(UUID id) {
        send("PATCH", "/api/v2/workspacebuilds/" + id + "/cancel", Map.of(), Response.class);
    }

    /** The stored logs of the build's job with an id above {@code after} (0 for all). */
    public List<ProvisionerJobLog> workspaceBuildLogs(UUID id, long after) {
        return send("GET", "/api/v2/workspacebuilds/" + id + "/logs" + (after > 0 ? "?after=" + after : ""), null,
                new TypeReference<List<ProvisionerJobLog>>() {});
    }

    /**
     * Follows the build's logs over a WebSocket: first the stored lines after {@code after}, then new
     * ones as they arrive, until the job completes. {@code onLog} runs on the caller's thread;
     * returns when the server closes the stream.
     */
    public void followWorkspaceBuildLogs(UUID id, long after, java.util.function.Consumer<ProvisionerJobLog> onLog)
            throws InterruptedException {
        followLogs("/api/v2/workspacebuilds/" + id + "/logs?follow=true" + (after > 0 ? "&after=" + after : ""), onLog);
    }

    public List<WorkspaceResource> workspaceBuildResources(UUID id) {
        return send("GET", "/api/v2/workspacebuilds/" + id + "/resources", null,
                new TypeReference<List<WorkspaceResource>>() {});
    }

    public List<WorkspaceBuildParameter> workspaceBuildParameters(UUID id) {
        return send("GET", "/api/v2/workspacebuilds/" + id + "/parameters", null,
                new TypeReference<List<WorkspaceBuildParameter>>() {});
    }

    /** The raw Terraform state the build left (owners only). */
    public byte[] workspaceBuildState(UUID id) {
        return getBytes("/api/v2/workspacebuilds/" + id + "/state");
    }

    public WorkspaceBuildTimings workspaceBuildTimings(UUID id) {
        return get("/api/v2/workspacebuilds/" + id + "/timings", WorkspaceBuildTimings.class);
    }

    private void followLogs(String path, java.util.function.Consumer<ProvisionerJobLog> onLog) throws InterruptedException {
        var frames = new java.util.concurrent.LinkedBlockingQueue<java.util.Optional<String>>();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(java.util.Optional.of(text.toString()));
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int status, String reason) {
                frames.add(java.util.Optional.empty());
                return null;
            }

            @Override
            public void onError(java.net.http.WebSocket socket, Throwable error) {
                failure.set(error);
                frames.add(java.util.Optional.empty());
            }
        };
        URI uri = URI.create(baseUrl.toString().replaceFirst("^http", "ws") + path);
        var builder = http.newWebSocketBuilder();
        sessionToken.ifPresent(token -> builder.header(SESSION_TOKEN_HEADER, token));
        java.net.http.WebSocket socket;
        try {
            socket = builder.buildAsync(uri, listener).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                HttpResponse<?> response = handshake.getResponse();
                Object body = response.body();
                String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
                Response error;
                try {
                    error = json.readValue(text, Response.class);
                } catch (JsonProcessingException | IllegalArgumentException parse) {
                    error = Response.of("Cannot follow the logs (status " + response.statusCode() + ").", text);
                }
                throw new CoderApiException(response.statusCode(), error);
            }
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + e.getCause().getMessage(),
                    new IOException(e.getCause()));
        }
        try {
            while (true) {
                java.util.Optional<String> frame = frames.take();
                if (frame.isEmpty()) {
                    break;
                }
                try {
                    onLog.accept(json.readValue(frame.get(), ProvisionerJobLog.class));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("The server sent a log line that is not valid JSON.", e);
                }
            }
        } finally {
            socket.abort();
        }
        if (failure.get() != null) {
            throw new UncheckedIOException("The log stream broke: " + failure.get().getMessage(),
                    new IOException(failure.get()));
        }
    }

    private byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new CoderApiException(response.statusCode(),
                        parseError(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + baseUrl + ".", e);
        }
    }

    private <T> EventStream<T> serverSentEvents(String path, Class<T> type) {
        // No request timeout: the stream stays open as long as the caller watches.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream");
        sessionToken.ifPresent(token -> builder.header(SESSION_TOKEN_HEADER, token));
        HttpRequest request = builder.GET().build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + baseUrl + ".", e);
        }
        java.io.InputStream body = response.body();
        if (response.statusCode() / 100 != 2) {
            String text;
            try (body) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw new CoderApiException(response.statusCode(), parseError(response.statusCode(), text));
        }
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8));
        return new EventStream<>(lines, body, data -> {
            try {
                return json.readValue(data, type);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("The server sent an event that is not the expected JSON.", e);
            }
        });
    }

    // ---- workspace agents (user-facing) ------------------------------------------------------

    public WorkspaceAgent workspaceAgent(UUID id) {
        return get("/api/v2/workspaceagents/" + id, WorkspaceAgent.class);
    }

    /** The agent's stored log lines with an id above {@code after} (0 for all). */
    public List<WorkspaceAgentLog> workspaceAgentLogs(UUID id, long after) {
        return send("GET", "/api/v2/workspaceagents/" + id + "/logs" + (after > 0 ? "?after=" + after : ""), null,
                new TypeReference<List<WorkspaceAgentLog>>() {});
    }

    /**
     * Follows the agent's logs over a WebSocket: batches of stored lines after {@code after}, then new
     * ones as the agent sends them. {@code onLogs} runs on the caller's thread and returns false to stop;
     * returns then or when the server closes the stream.
     */
    public void followWorkspaceAgentLogs(UUID id, long after,
            java.util.function.Predicate<List<WorkspaceAgentLog>> onLogs) throws InterruptedException {
        var frames = new java.util.concurrent.LinkedBlockingQueue<Optional<String>>();
        var listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(Optional.of(text.toString()));
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }

            @Override
            public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket socket, int status, String reason) {
                frames.add(Optional.empty());
                return null;
            }

            @Override
            public void onError(java.net.http.WebSocket socket, Throwable error) {
                frames.add(Optional.empty());
            }
        };
        URI uri = URI.create(baseUrl.toString().replaceFirst("^http", "ws") + "/api/v2/workspaceagents/" + id
                + "/logs?follow=true" + (after > 0 ? "&after=" + after : ""));
        var builder = http.newWebSocketBuilder();
        sessionToken.ifPresent(token -> builder.header(SESSION_TOKEN_HEADER, token));
        java.net.http.WebSocket socket;
        try {
            socket = builder.buildAsync(uri, listener).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                Object body = handshake.getResponse().body();
                String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
                throw new CoderApiException(handshake.getResponse().statusCode(),
                        parseError(handshake.getResponse().statusCode(), text));
            }
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + e.getCause().getMessage(),
                    new IOException(e.getCause()));
        }
        try {
            while (true) {
                Optional<String> frame = frames.take();
                if (frame.isEmpty()) {
                    return;
                }
                List<WorkspaceAgentLog> logs;
                try {
                    logs = json.readValue(frame.get(), new TypeReference<List<WorkspaceAgentLog>>() {});
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("The server sent agent logs that are not valid JSON.", e);
                }
                if (!onLogs.test(logs)) {
                    return;
                }
            }
        } finally {
            socket.abort();
        }
    }

    /**
     * {@code GET /workspaceagents/{id}/watch-metadata}: the agent's metadata items with their latest
     * results (Server-Sent Events), now and after every change.
     */
    public EventStream<WorkspaceAgentMetadata[]> watchWorkspaceAgentMetadata(UUID id) {
        return serverSentEvents("/api/v2/workspaceagents/" + id + "/watch-metadata", WorkspaceAgentMetadata[].class);
    }

    public WorkspaceAgentListeningPortsResponse workspaceAgentListeningPorts(UUID id) {
        return get("/api/v2/workspaceagents/" + id + "/listening-ports", WorkspaceAgentListeningPortsResponse.class);
    }

    // ---- plumbing, public for endpoints this class does not wrap yet -----------------------

    public <T> T get(String path, Class<T> type) {
        return send("GET", path, null, type);
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return send("POST", path, body, type);
    }

    public <T> T put(String path, Object body, Class<T> type) {
        return send("PUT", path, body, type);
    }

    public <T> T send(String method, String path, Object body, Class<T> type) {
        return send(method, path, body, json.getTypeFactory().constructType(type));
    }

    public <T> T send(String method, String path, Object body, TypeReference<T> type) {
        return send(method, path, body, json.getTypeFactory().constructType(type));
    }

    /** Sends raw bytes (for example a request body that is deliberately not valid JSON). */
    public HttpResponse<String> sendRaw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        builder.header("Content-Type", contentType);
        return execute(builder.build());
    }

    private <T> T send(String method, String path, Object body, JavaType type) {
        HttpRequest.Builder builder = request(path);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(toJson(body)));
        }
        HttpResponse<String> response = execute(builder.build());
        if (response.statusCode() / 100 != 2) {
            throw new CoderApiException(response.statusCode(), parseError(response));
        }
        if (type.getRawClass() == Void.class || response.body().isEmpty()) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("The server's answer to " + method + " " + path + " is not the expected JSON.", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        sessionToken.ifPresent(token -> builder.header(SESSION_TOKEN_HEADER, token));
        return builder;
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + baseUrl + ".", e);
        }
    }

    private Response parseError(HttpResponse<String> response) {
        return parseError(response.statusCode(), response.body());
    }

    private Response parseError(int status, String body) {
        try {
            return json.readValue(body, Response.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Response.of("Unexpected response from the server (status " + status + ").", body.strip());
        }
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode the request body as JSON.", e);
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }


    private static String queryString(Map<String, Object> parameters) {
        Map<String, Object> present = new LinkedHashMap<>();
        parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().toString().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> present.put(entry.getKey(), entry.getValue()));
        if (present.isEmpty()) {
            return "";
        }
        return present.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
