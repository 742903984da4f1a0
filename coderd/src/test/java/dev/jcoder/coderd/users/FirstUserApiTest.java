package dev.jcoder.coderd.users;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateFirstUserResponse;
import dev.jcoder.codersdk.User;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstUserApiTest {
    private TestCoderd server;
    private CoderClient client;

    @BeforeEach
    void start() {
        server = TestCoderd.start();
        client = server.anonymous();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void freshDeploymentHasNoFirstUserAndSaysSoWith404() {
        assertThat(client.hasFirstUser()).isFalse();
        HttpResponse<String> raw = client.sendRaw("GET", "/api/v2/users/first", "application/json", new byte[0]);
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(raw.body()).contains("The initial user has not been created!");
        assertThat(raw.headers().firstValue(CoderClient.BUILD_VERSION_HEADER)).isPresent();
    }

    @Test
    void firstUserBecomesOwnerOfTheDefaultOrganization() {
        CreateFirstUserResponse created = client.createFirstUser(
                new CreateFirstUserRequest("Admin@Example.com", "admin", "Ada Admin", PASSWORD));
        assertThat(client.hasFirstUser()).isTrue();

        CoderClient owner = client.withToken(client.login("admin@example.com", PASSWORD).sessionToken());
        User me = owner.user("me");
        assertThat(me.id()).isEqualTo(created.userId());
        assertThat(me.username()).isEqualTo("admin");
        assertThat(me.name()).isEqualTo("Ada Admin");
        assertThat(me.roles()).extracting(role -> role.name()).containsExactly("owner");
        assertThat(me.organizationIds()).containsExactly(created.organizationId());
        assertThat(owner.organization("default").isDefault()).isTrue();
    }

    @Test
    void secondFirstUserIsAConflict() {
        client.createFirstUser(new CreateFirstUserRequest("a@example.com", "first", "", PASSWORD));
        assertThatThrownBy(() -> client.createFirstUser(new CreateFirstUserRequest("b@example.com", "second", "", PASSWORD)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).isEqualTo("The initial user has already been created!");
                });
    }

    @Test
    void concurrentFirstUserRequestsCreateExactlyOne() throws Exception {
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            attempts.add(() -> {
                try {
                    client.createFirstUser(new CreateFirstUserRequest("u" + n + "@example.com", "user" + n, "", PASSWORD));
                    return 201;
                } catch (CoderApiException e) {
                    return e.statusCode();
                }
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> result : executor.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        }
        assertThat(statuses).containsOnlyOnce(201);
        assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
    }

    @Test
    void weakPasswordIsRejectedWithTheReason() {
        assertThatThrownBy(() -> client.createFirstUser(new CreateFirstUserRequest("a@example.com", "admin", "", "password")))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message()).isEqualTo("Invalid password.");
                    assertThat(e.response().validations()).singleElement()
                            .satisfies(v -> {
                                assertThat(v.field()).isEqualTo("password");
                                assertThat(v.detail()).contains("insecure password");
                            });
                });
        assertThat(client.hasFirstUser()).isFalse();
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        assertThatThrownBy(() -> client.createFirstUser(new CreateFirstUserRequest("not-an-email", "bad name!", "", PASSWORD)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message()).isEqualTo("Validation failed.");
                    assertThat(e.response().validations()).extracting(v -> v.field()).containsExactlyInAnyOrder("email", "username");
                });
    }

    @Test
    void malformedJsonIs400WithCodersMessage() {
        HttpResponse<String> response = client.sendRaw("POST", "/api/v2/users/first", "application/json",
                "{\"email\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"message\":\"Request body must be valid JSON.\"");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        HttpResponse<String> response = client.sendRaw("POST", "/api/v2/users/first", "application/json",
                "{\"email\":\"a@example.com\",\"username\":\"admin\",\"password\":\"x\",\"trial\":{\"nested\":1}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Request body must be valid JSON.").contains("\"field\":\"trial\"");
    }

    @Test
    void oversizedBodyIs413() {
        byte[] huge = ("{\"email\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = client.sendRaw("POST", "/api/v2/users/first", "application/json", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body is too large.");
    }

    @Test
    void unknownApiRouteIsCodersNotFound() {
        HttpResponse<String> response = client.sendRaw("GET", "/api/v2/no-such-thing", "application/json", new byte[0]);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Route not found.\"}");
    }

    @Test
    void healthzAndBuildInfoNeedNoSession() {
        assertThat(client.healthy()).isTrue();
        assertThat(client.buildInfo().version()).startsWith("v");
        assertThat(client.buildInfo().dashboardUrl()).isEqualTo(server.url().toString());
        assertThat(client.buildInfo().deploymentId()).isNotEmpty();
    }

    @Test
    void htmlInJsonIsEscaped() {
        client.createFirstUser(new CreateFirstUserRequest("a@example.com", "admin", "<script>", PASSWORD));
        CoderClient owner = client.withToken(client.login("a@example.com", PASSWORD).sessionToken());
        HttpResponse<String> raw = owner.sendRaw("GET", "/api/v2/users/me", "application/json", new byte[0]);
        assertThat(raw.body()).contains("\\u003Cscript\\u003E").doesNotContain("<script>");
    }
}
