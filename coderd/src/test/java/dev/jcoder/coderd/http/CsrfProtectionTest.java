package dev.jcoder.coderd.http;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A browser-like client: it keeps cookies, as a browser visiting the dashboard does. */
class CsrfProtectionTest {
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

    private record Browser(HttpClient http, CookieManager cookies) {
        HttpResponse<String> send(String method, String path, String body, String csrfHeader) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (csrfHeader != null) {
                request.header(CsrfProtection.HEADER, csrfHeader);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }
    }

    private static Browser signedInBrowser() throws Exception {
        CookieManager cookies = new CookieManager();
        Browser browser = new Browser(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
        HttpResponse<String> login = browser.send("POST", "/api/v2/users/login",
                "{\"email\":\"owner@example.com\",\"password\":\"" + PASSWORD + "\"}", null);
        assertThat(login.statusCode()).isEqualTo(201);
        return browser;
    }

    @Test
    void cookieAuthenticatedMutationWithoutTheTokenIsRefused() throws Exception {
        Browser browser = signedInBrowser();
        HttpResponse<String> response = browser.send("POST", "/api/v2/users/me/keys/tokens", "{\"token_name\":\"x\"}", null);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }

    @Test
    void cookieAuthenticatedMutationEchoingTheTokenIsAllowed() throws Exception {
        Browser browser = signedInBrowser();
        HttpResponse<String> response = browser.send("POST", "/api/v2/users/me/keys/tokens", "{\"token_name\":\"y\"}",
                browser.cookie(CsrfProtection.COOKIE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void readsNeedNoCsrfToken() throws Exception {
        Browser browser = signedInBrowser();
        assertThat(browser.send("GET", "/api/v2/users/me", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void headerTokenRequestsAreExempt() {
        // The SDK client authenticates with the Coder-Session-Token header and sends no CSRF token.
        var client = server.anonymous().withToken(server.anonymous().login("owner@example.com", PASSWORD).sessionToken());
        assertThat(client.createToken("me", new dev.jcoder.codersdk.CreateTokenRequest(0, null, "z")).key()).isNotEmpty();
    }
}
