package dev.jcoder.coderd.site;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SiteHandlerTest {
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

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        if (cookie != null) {
            request.header("Cookie", "coder_session_token=" + cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientRoutesGetIndexWithBuildInfoAndNoCaching() throws Exception {
        HttpResponse<String> page = get("/workspaces", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.body()).contains("<meta property=\"build-info\" content=\"{&quot;external_url&quot;")
                .contains("<meta property=\"user\" content=\"\"");
    }

    @Test
    void aSignedInBrowserGetsItsUserInTheMetaTag() throws Exception {
        String token = server.anonymous().login("owner@example.com", PASSWORD).sessionToken();
        HttpResponse<String> page = get("/settings/account", token);
        assertThat(page.body()).contains("&quot;username&quot;:&quot;owner&quot;");
    }

    @Test
    void anExpiredCookieStillGetsThePage() throws Exception {
        HttpResponse<String> page = get("/login", "abcdefghij-abcdefghijklmnopqrstuv");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<meta property=\"user\" content=\"\"");
    }

    @Test
    void pathTraversalDoesNotEscapeTheSite() throws Exception {
        HttpResponse<String> page = get("/..%2f..%2fdb/migration/V1__users_and_organizations.sql", null);
        assertThat(page.body()).doesNotContain("CREATE TABLE");
    }
}
