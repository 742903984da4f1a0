package dev.jcoder.coderd.tokens;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.ApiKey;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTokenRequest;
import dev.jcoder.codersdk.LoginType;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensApiTest {
    private TestCoderd server;
    private CoderClient owner;

    @BeforeEach
    void start() {
        server = TestCoderd.start(config -> config.withTokenLifetimes(Duration.ofHours(168), Duration.ofDays(30)));
        owner = server.createFirstUser();
    }

    @AfterEach
    void stop() {
        server.close();
    }


    @Test
    void createdTokenAuthenticatesAndIsListedWithoutItsSecret() {
        String token = owner.createToken("me", new CreateTokenRequest(0, ApiKeyScope.ALL, "ci-token")).key();
        assertThat(token).matches("[A-Za-z0-9]{10}-[A-Za-z0-9]{22}");
        assertThat(server.anonymous().withToken(token).user("me").username()).isEqualTo("owner");

        assertThat(owner.tokens("me", false)).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo(token.substring(0, 10));
            assertThat(key.tokenName()).isEqualTo("ci-token");
            assertThat(key.loginType()).isEqualTo(LoginType.TOKEN);
            assertThat(key.lifetimeSeconds()).isEqualTo(Duration.ofHours(168).toSeconds());
            assertThat(key.username()).isEqualTo("owner");
        });
        ApiKey byName = owner.tokenByName("me", "ci-token");
        assertThat(Duration.between(byName.createdAt(), byName.expiresAt())).isEqualTo(Duration.ofHours(168));
    }

    @Test
    void lifetimeIsInNanosecondsAndCappedByTheMaximum() {
        owner.createToken("me", new CreateTokenRequest(Duration.ofHours(1).toNanos(), null, "short"));
        assertThat(owner.tokenByName("me", "short").lifetimeSeconds()).isEqualTo(3600);
        assertThatThrownBy(() -> owner.createToken("me", new CreateTokenRequest(Duration.ofDays(31).toNanos(), null, "long")))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().detail()).contains("lifetime must be less than");
                });
        assertThat(owner.tokenConfig("me").maxTokenLifetime()).isEqualTo(Duration.ofDays(30).toNanos());
    }

    @Test
    void tokenExpiresAtItsLifetimeAndIsNotExtendedByUse() {
        String token = owner.createToken("me", new CreateTokenRequest(Duration.ofHours(2).toNanos(), null, "two-hours")).key();
        CoderClient client = server.anonymous().withToken(token);
        server.clock().advance(Duration.ofMinutes(119));
        assertThat(client.user("me").username()).isEqualTo("owner");
        server.clock().advance(Duration.ofMinutes(2));
        assertStatus(() -> client.user("me"), 401);
    }

    @Test
    void duplicateNameIsAConflictAndEmptyNameIsGenerated() {
        owner.createToken("me", new CreateTokenRequest(0, null, "same"));
        assertStatus(() -> owner.createToken("me", new CreateTokenRequest(0, null, "SAME")), 409);
        owner.createToken("me", new CreateTokenRequest(0, null, ""));
        assertThat(owner.tokens("me", false)).hasSize(2).allSatisfy(key -> assertThat(key.tokenName()).isNotBlank());
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        String token = owner.createToken("me", new CreateTokenRequest(0, null, "revoke-me")).key();
        owner.deleteApiKey("me", token.substring(0, 10));
        assertStatus(() -> server.anonymous().withToken(token).user("me"), 401);
        assertStatus(() -> owner.deleteApiKey("me", token.substring(0, 10)), 404);
    }

    @Test
    void membersManageOnlyTheirOwnTokens() {
        CoderClient member = server.createUser(owner, "tokenuser");
        String ownerToken = owner.createToken("me", new CreateTokenRequest(0, null, "owners")).key();
        member.createToken("me", new CreateTokenRequest(0, null, "mine"));
        assertThat(member.tokens("me", false)).extracting(ApiKey::tokenName).containsExactly("mine");
        // The owner's keys are invisible to a member, so acting on them is "not found", never "forbidden".
        assertStatus(() -> member.createToken("owner", new CreateTokenRequest(0, null, "x")), 404);
        assertStatus(() -> member.deleteApiKey("owner", ownerToken.substring(0, 10)), 404);
        assertThat(member.tokens("me", true)).extracting(ApiKey::tokenName).containsExactly("mine");
        assertThat(owner.tokens("me", true)).extracting(ApiKey::tokenName).containsExactlyInAnyOrder("owners", "mine");
    }

    @Test
    void negativeLifetimeIsRejected() {
        assertStatus(() -> owner.createToken("me", new CreateTokenRequest(-1, null, "neg")), 400);
    }
}
