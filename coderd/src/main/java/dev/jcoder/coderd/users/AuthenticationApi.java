package dev.jcoder.coderd.users;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.auth.ApiKeyIssuer;
import dev.jcoder.coderd.auth.PasswordHasher;
import dev.jcoder.coderd.auth.SessionCookie;
import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.http.Validator;
import dev.jcoder.coderd.rbac.Roles;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.AuthMethods;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateFirstUserResponse;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.LoginWithPasswordRequest;
import dev.jcoder.codersdk.LoginWithPasswordResponse;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.UserStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** First-user setup, password sign-in and sign-out, and the list of sign-in methods. */
public final class AuthenticationApi implements Api {
    /** Serializes first-user creation so that two concurrent setups cannot both succeed. */
    private static final long FIRST_USER_LOCK = 0x6a636f6465720001L;

    private final AuthorizingStore store;
    private final UserCreator creator;
    private final PasswordHasher hasher;
    private final ApiKeyIssuer issuer;
    private final SessionCookie cookie;
    private final CoderdConfig config;

    public AuthenticationApi(AuthorizingStore store, UserCreator creator, PasswordHasher hasher, ApiKeyIssuer issuer,
            SessionCookie cookie, CoderdConfig config) {
        this.store = store;
        this.creator = creator;
        this.hasher = hasher;
        this.issuer = issuer;
        this.cookie = cookie;
        this.config = config;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/users/first", this::firstUserExists);
        routes.post("/api/v2/users/first", this::createFirstUser);
        routes.post("/api/v2/users/login", this::login);
        routes.post("/api/v2/users/logout", this::logout);
        routes.get("/api/v2/users/authmethods", this::authMethods);
    }

    private void firstUserExists(Context ctx) {
        // System actor: anyone may learn whether the deployment still needs its first user.
        long users = store.as(Subject.system("first user check")).getUserCount();
        if (users == 0) {
            ctx.status(404).json(Response.of("The initial user has not been created!"));
            return;
        }
        ctx.json(Response.of("The initial user has already been created!"));
    }

    private void createFirstUser(Context ctx) {
        CreateFirstUserRequest request = Requests.body(ctx, CreateFirstUserRequest.class, config.maxRequestBodyBytes());
        // System actor: the first user is created by nobody; the lock and count make it happen once.
        AuthorizingStore system = store.as(Subject.system("first user setup"));
        OrganizationRow organization = system.getDefaultOrganization().orElseThrow();
        var spec = new UserCreator.NewUser(request.email(), request.username(), request.name(), request.password(),
                LoginType.PASSWORD, List.of(Roles.OWNER), List.of(organization.id()));
        // Bad input is 400 even on a deployment that already has its first user (409), as in Coder.
        UserCreator.validate(spec);
        UserRow user = system.inTransaction(tx -> {
            tx.acquireLock(FIRST_USER_LOCK);
            if (tx.getUserCount() > 0) {
                throw new Conflict("The initial user has already been created!");
            }
            return creator.create(tx, spec);
        });
        ctx.status(201).json(new CreateFirstUserResponse(user.id(), organization.id()));
    }

    private void login(Context ctx) {
        LoginWithPasswordRequest request = Requests.body(ctx, LoginWithPasswordRequest.class, config.maxRequestBodyBytes());
        new Validator().required("email", request.email()).email("email", request.email())
                .required("password", request.password()).throwIfInvalid();
        // System actor: looks up the account being signed in to before anyone is authenticated.
        AuthorizingStore system = store.as(Subject.system("password login"));
        Optional<UserRow> user = system.getUserByEmailOrUsername(request.email(), "");
        boolean valid = hasher.verify(request.password(), user.map(UserRow::hashedPassword));
        if (!valid) {
            throw new Unauthenticated("Incorrect email or password.");
        }
        UserRow account = user.orElseThrow();
        if (account.loginType() != LoginType.PASSWORD) {
            throw new Forbidden("Incorrect login type, attempting to use \"password\" but user is of login type \""
                    + account.loginType().value() + "\".");
        }
        if (account.status() == UserStatus.SUSPENDED) {
            throw new Unauthenticated("Your account is suspended. Contact an admin to reactivate your account.");
        }
        String token = issuer.issue(system, account.id(), LoginType.PASSWORD, config.sessionDuration(), ApiKeyScope.ALL,
                "", ctx.ip());
        cookie.set(ctx, token, config.sessionDuration());
        ctx.status(201).json(new LoginWithPasswordResponse(token));
    }

    private void logout(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        auth.store().deleteAPIKeyByID(auth.apiKey().id());
        cookie.clear(ctx);
        ctx.json(Response.of("Logged out!"));
    }

    private void authMethods(Context ctx) {
        ctx.json(new AuthMethods("", new AuthMethods.AuthMethod(true), new AuthMethods.AuthMethod(false),
                new AuthMethods.OidcAuthMethod(false, "", "")));
    }
}
