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
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.startsWith("application/json")) {
            try {
                return json.readValue(response.body(), Response.class);
            } catch (JsonProcessingException e) {
                // Fall through: show the body as the detail.
            }
        }
        return Response.of("Unexpected response from the server (status " + response.statusCode() + ").",
                response.body().strip());
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

    static String segment(UUID value) {
        return value.toString();
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
