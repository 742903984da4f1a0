package dev.jcoder.coderd.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.AuthorizationRequest;
import dev.jcoder.codersdk.AuthorizationRequest.AuthorizationObject;
import dev.jcoder.codersdk.AuthorizationRequest.Check;
import dev.jcoder.codersdk.CoderClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthCheckApiTest {
    @Test
    void answersPerRole() {
        try (TestCoderd server = TestCoderd.start()) {
            CoderClient owner = server.createFirstUser();
            CoderClient member = server.createUser(owner, "checker");
            AuthorizationRequest request = new AuthorizationRequest(Map.of(
                    "createUser", new Check(new AuthorizationObject("user", null, null, null), "create"),
                    "readOwnKeys", new Check(new AuthorizationObject("api_key", "me", null, null), "read"),
                    "unknownType", new Check(new AuthorizationObject("spaceship", null, null, null), "read"),
                    "unknownAction", new Check(new AuthorizationObject("user", null, null, null), "fly")));
            assertThat(owner.authCheck(request)).containsEntry("createUser", true).containsEntry("readOwnKeys", true)
                    .containsEntry("unknownType", false).containsEntry("unknownAction", false);
            assertThat(member.authCheck(request)).containsEntry("createUser", false).containsEntry("readOwnKeys", true);
        }
    }
}
