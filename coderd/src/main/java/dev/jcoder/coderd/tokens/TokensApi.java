package dev.jcoder.coderd.tokens;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.auth.ApiKeyIssuer;
import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.store.ApiKeyRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.users.UserResolver;
import dev.jcoder.codersdk.ApiKey;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.CreateTokenRequest;
import dev.jcoder.codersdk.GenerateApiKeyResponse;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.TokenConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creating, listing and revoking API tokens and sessions of a user. */
public final class TokensApi implements Api {
    private static final String[] NAME_WORDS = {"amber", "brisk", "cedar", "delta", "ember", "fjord", "gale",
        "harbor", "iris", "jade", "kite", "lumen", "maple", "nova", "orbit", "pine", "quartz", "ridge", "sage", "tide"};

    private final ApiKeyIssuer issuer;
    private final CoderdConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokensApi(ApiKeyIssuer issuer, CoderdConfig config) {
        this.issuer = issuer;
        this.config = config;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/users/{user}/keys/tokens", this::create);
        routes.get("/api/v2/users/{user}/keys/tokens", this::list);
        routes.get("/api/v2/users/{user}/keys/tokens/tokenconfig", this::tokenConfig);
        routes.get("/api/v2/users/{user}/keys/tokens/{keyname}", this::getByName);
        routes.post("/api/v2/users/{user}/keys", this::createSessionKey);
        routes.get("/api/v2/users/{user}/keys/{keyid}", this::getById);
        routes.delete("/api/v2/users/{user}/keys/{keyid}", this::delete);
    }

    private void create(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        CreateTokenRequest request = Requests.body(ctx, CreateTokenRequest.class, config.maxRequestBodyBytes());
        if (request.lifetime() < 0) {
            throw ValidationFailed.field("lifetime", "The lifetime must not be negative.");
        }
        Duration lifetime = request.lifetime() == 0 ? config.defaultTokenLifetime() : Duration.ofNanos(request.lifetime());
        if (lifetime.compareTo(config.maxTokenLifetime()) > 0) {
            throw new ValidationFailed("Failed to validate create API key request.",
                    "lifetime must be less than " + formatHours(config.maxTokenLifetime()));
        }
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ValidationFailed.field("lifetime", "The lifetime must be at least one second.");
        }
        String name = request.tokenName() == null || request.tokenName().isBlank() ? generatedName() : request.tokenName().strip();
        if (name.length() > 128) {
            throw ValidationFailed.field("token_name", "The token name must be at most 128 characters long.");
        }
        if (auth.store().getAPIKeyByName(user.id(), name).isPresent()) {
            throw new Conflict("A token with this name already exists.", "Token name \"" + name + "\" is taken.");
        }
        ApiKeyScope scope = request.scope() == null ? ApiKeyScope.ALL : request.scope();
        String token = issuer.issue(auth.store(), user.id(), LoginType.TOKEN, lifetime, scope, name, ctx.ip());
        ctx.status(201).json(new GenerateApiKeyResponse(token));
    }

    /** The deprecated {@code POST /users/{user}/keys}: a key with the session lifetime. */
    private void createSessionKey(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        String token = issuer.issue(auth.store(), user.id(), LoginType.PASSWORD, config.sessionDuration(),
                ApiKeyScope.ALL, "", ctx.ip());
        ctx.status(201).json(new GenerateApiKeyResponse(token));
    }

    private void list(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        List<ApiKeyRow> keys = Requests.queryBool(ctx, "include_all")
                ? auth.store().getAPIKeysByLoginType(true)
                : auth.store().getAPIKeysByUserID(user.id(), true);
        Map<UUID, String> usernames = auth.store().getUsersByIDs(keys.stream().map(ApiKeyRow::userId).distinct().toList())
                .stream().collect(Collectors.toMap(UserRow::id, UserRow::username));
        ctx.json(keys.stream().map(key -> toSdk(key, usernames.getOrDefault(key.userId(), ""))).toList());
    }

    private void tokenConfig(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserResolver.resolve(ctx, auth);
        ctx.json(new TokenConfig(config.maxTokenLifetime().toNanos()));
    }

    private void getByName(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        ApiKeyRow key = auth.store().getAPIKeyByName(user.id(), ctx.pathParam("keyname")).orElseThrow(NotFound::new);
        ctx.json(toSdk(key, user.username()));
    }

    private void getById(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        ApiKeyRow key = ownKey(auth, user, ctx.pathParam("keyid"));
        ctx.json(toSdk(key, user.username()));
    }

    private void delete(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow user = UserResolver.resolve(ctx, auth);
        ApiKeyRow key = ownKey(auth, user, ctx.pathParam("keyid"));
        auth.store().deleteAPIKeyByID(key.id());
        ctx.status(204);
    }

    /** A key of {@code user} by id, or by token name as the CLI's {@code tokens remove NAME} passes it. */
    private static ApiKeyRow ownKey(Authenticated auth, UserRow user, String idOrName) {
        return auth.store().getAPIKeyByID(idOrName)
                .or(() -> auth.store().getAPIKeyByName(user.id(), idOrName))
                .filter(key -> key.userId().equals(user.id()))
                .orElseThrow(NotFound::new);
    }

    static ApiKey toSdk(ApiKeyRow key, String username) {
        return new ApiKey(key.id(), key.userId(), key.lastUsed(), key.expiresAt(), key.createdAt(), key.updatedAt(),
                key.loginType(), key.scope(), key.tokenName(), key.lifetimeSeconds(), username);
    }

    private String generatedName() {
        return NAME_WORDS[random.nextInt(NAME_WORDS.length)] + "_" + NAME_WORDS[random.nextInt(NAME_WORDS.length)]
                + "_" + (1000 + random.nextInt(9000));
    }

    private static String formatHours(Duration duration) {
        return duration.toHours() + "h0m0s";
    }

}
