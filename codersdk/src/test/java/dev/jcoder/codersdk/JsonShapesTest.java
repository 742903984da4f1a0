package dev.jcoder.codersdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonShapesTest {
    @Test
    void responseOmitsEmptyParts() throws Exception {
        assertThat(Json.mapper().writeValueAsString(Response.of("Hi"))).isEqualTo("{\"message\":\"Hi\"}");
        assertThat(Json.mapper().writeValueAsString(new Response("Bad", "x", List.of(new ValidationError("f", "d")))))
                .isEqualTo("{\"message\":\"Bad\",\"detail\":\"x\",\"validations\":[{\"field\":\"f\",\"detail\":\"d\"}]}");
    }

    @Test
    void usersUseSnakeCaseNamesAndWireEnums() throws Exception {
        User user = new User(UUID.randomUUID(), "ada", "", "Ada", "ada@example.com", Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"), UserStatus.ACTIVE,
                LoginType.PASSWORD, "", List.of(), List.of(new SlimRole("owner", "Owner")));
        String json = Json.mapper().writeValueAsString(user);
        assertThat(json).contains("\"avatar_url\":\"\"", "\"created_at\":\"2026-01-02T03:04:05Z\"", "\"status\":\"active\"",
                "\"login_type\":\"password\"", "\"organization_ids\":[]", "{\"name\":\"owner\",\"display_name\":\"Owner\"}");
        assertThat(Json.mapper().readValue(json, User.class)).isEqualTo(user);
    }

    @Test
    void oidcAuthMethodKeepsCodersCamelCaseNames() throws Exception {
        String json = Json.mapper().writeValueAsString(new AuthMethods("", new AuthMethods.AuthMethod(true),
                new AuthMethods.AuthMethod(false), new AuthMethods.OidcAuthMethod(false, "Sign in", "")));
        assertThat(json).isEqualTo("{\"password\":{\"enabled\":true},\"github\":{\"enabled\":false},"
                + "\"oidc\":{\"enabled\":false,\"signInText\":\"Sign in\",\"iconUrl\":\"\"}}");
    }
}
