package dev.jcoder.coderd.testing;

import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateUserRequest;
import dev.jcoder.codersdk.User;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An in-process server on a free loopback port with its own fresh database and a settable clock,
 * plus helpers that create users and return SDK clients signed in as them.
 */
public final class TestCoderd implements AutoCloseable {
    /** A password that passes the strength check. */
    public static final String PASSWORD = "Correct-Horse-Battery-9";

    private final Coderd coderd;
    private final MutableClock clock;
    private final CoderdConfig config;

    private TestCoderd(Coderd coderd, MutableClock clock, CoderdConfig config) {
        this.coderd = coderd;
        this.clock = clock;
        this.config = config;
    }

    public static TestCoderd start() {
        return start(UnaryOperator.identity());
    }

    /** Starts with the test defaults (rate limits off, fewer PBKDF2 rounds) adjusted by {@code customize}. */
    public static TestCoderd start(UnaryOperator<CoderdConfig> customize) {
        MutableClock clock = MutableClock.startingNow();
        CoderdConfig config = customize.apply(CoderdConfig.defaults(TestDatabase.createDatabase())
                .withHttp("127.0.0.1", 0)
                .withRateLimits(-1, -1)
                .withPasswordIterations(1024));
        return new TestCoderd(Coderd.start(config, clock), clock, config);
    }

    public MutableClock clock() {
        return clock;
    }

    public CoderdConfig config() {
        return config;
    }

    public Coderd coderd() {
        return coderd;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + coderd.port());
    }

    /** A client without a session. */
    public CoderClient anonymous() {
        return new CoderClient(url());
    }

    /** Creates the first user (an owner) and returns a client signed in as them. */
    public CoderClient createFirstUser() {
        CoderClient client = anonymous();
        client.createFirstUser(new CreateFirstUserRequest("owner@example.com", "owner", "The Owner", PASSWORD));
        return client.withToken(client.login("owner@example.com", PASSWORD).sessionToken());
    }

    /** Creates a user with the given site roles through {@code admin} and returns a client signed in as them. */
    public CoderClient createUser(CoderClient admin, String username, String... roles) {
        User user = admin.createUser(new CreateUserRequest(username + "@example.com", username, "", PASSWORD));
        if (roles.length > 0) {
            admin.updateUserRoles(user.id().toString(), List.of(roles));
        }
        return anonymous().withToken(anonymous().login(username + "@example.com", PASSWORD).sessionToken());
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        coderd.close();
    }
}
