package dev.jcoder.coderd.users;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.LoginWithPasswordRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoginApiTest {
    private static TestCoderd server;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        server.createFirstUser();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginSetsAnHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.url() + "/api/v2/users/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"owner@example.com\",\"password\":\"" + PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).matches("\\{\"session_token\":\"[A-Za-z0-9]{10}-[A-Za-z0-9]{22}\"}");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("coder_session_token=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void secureAuthCookieFlagMarksTheCookieSecure() throws Exception {
        try (TestCoderd secure = TestCoderd.start(config -> config.withCookieAndSession(true, false))) {
            secure.createFirstUser();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(secure.url() + "/api/v2/users/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"owner@example.com\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("coder_session_token=").containsIgnoringCase("Secure"));
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        assertThatThrownBy(() -> server.anonymous().login("owner@example.com", "wrong-password"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.response().message()).isEqualTo("Incorrect email or password.");
                });
        assertThatThrownBy(() -> server.anonymous().login("nobody@example.com", "wrong-password"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.response().message()).isEqualTo("Incorrect email or password.");
                });
    }

    @Test
    void missingFieldsAreValidationErrors() {
        assertThatThrownBy(() -> server.anonymous().post("/api/v2/users/login", new LoginWithPasswordRequest("", ""), Object.class))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().validations()).extracting(v -> v.field()).contains("email", "password");
                });
    }

    @Test
    void logoutEndsTheSession() {
        CoderClient session = server.anonymous().withToken(server.anonymous().login("owner@example.com", PASSWORD).sessionToken());
        assertThat(session.user("me").username()).isEqualTo("owner");
        session.logout();
        assertThatThrownBy(() -> session.user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void requestsWithoutATokenAre401() {
        assertThatThrownBy(() -> server.anonymous().user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.response().message()).contains("coder_session_token");
                });
    }

    @Test
    void garbageTokenIs401() {
        assertThatThrownBy(() -> server.anonymous().withToken("not-a-token").user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> server.anonymous().withToken("abcdefghij-abcdefghijklmnopqrstuv").user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    void sessionExpiresAfterItsLifetimeUnlessUsed() {
        String token = server.anonymous().login("owner@example.com", PASSWORD).sessionToken();
        CoderClient session = server.anonymous().withToken(token);
        // Used 23 hours in: the session slides to 24 hours from then.
        server.clock().advance(Duration.ofHours(23));
        assertThat(session.user("me").username()).isEqualTo("owner");
        server.clock().advance(Duration.ofHours(23));
        assertThat(session.user("me").username()).isEqualTo("owner");
        // Unused for a full lifetime: expired.
        server.clock().advance(Duration.ofHours(25));
        assertThatThrownBy(() -> session.user("me"))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.response().message()).isEqualTo(
                            "You are signed out or your session has expired. Please sign in again to continue.");
                    assertThat(e.response().detail()).startsWith("API key expired at");
                });
    }

    @Test
    void authMethodsOfferPassword() {
        var methods = server.anonymous().authMethods();
        assertThat(methods.password().enabled()).isTrue();
        assertThat(methods.github().enabled()).isFalse();
        assertThat(methods.oidc().enabled()).isFalse();
    }
}
