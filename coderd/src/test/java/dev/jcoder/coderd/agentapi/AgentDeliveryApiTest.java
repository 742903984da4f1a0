package dev.jcoder.coderd.agentapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentDeliveryApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // Larger than Javalin's minimum size for compression, like a real bundle.
    private static final String BUNDLE = "#!/bin/sh\necho Coder v1\n" + "#".repeat(64 * 1024) + "\n";
    private static Path bundles;
    private static TestCoderd server;

    @BeforeAll
    static void start() throws IOException {
        bundles = Files.createTempDirectory("agent-bundles");
        Files.writeString(bundles.resolve("coder-linux-amd64"), BUNDLE);
        server = TestCoderd.start(config -> config.withAgentBundleDirectory(bundles));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void initScriptNeedsNoLoginAndCarriesTheAccessUrlOsAndArch() throws Exception {
        HttpResponse<String> response = get("/api/v2/init-script/linux/amd64");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String script = response.body();
        assertThat(script).startsWith("#!/usr/bin/env sh")
                .contains("BINARY_URL=\"" + server.url() + "/bin/coder-linux-amd64\"")
                .contains("export CODER_AGENT_AUTH=\"token\"")
                .contains("export CODER_AGENT_URL=\"" + server.url() + "/\"")
                .contains("exec \"$BINARY\" agent")
                .doesNotContain("${ACCESS_URL}", "${ARCH}", "${OS}", "${AUTH_TYPE}");
    }

    @Test
    void unknownOsOrArchIsA404ThatSaysWhatExists() throws Exception {
        HttpResponse<String> response = get("/api/v2/init-script/windows/amd64");
        assertThat(response.statusCode()).isEqualTo(404);
        Response error = Json.mapper().readValue(response.body(), Response.class);
        assertThat(error.message()).isEqualTo("Unknown os/arch: windows/amd64.");
        assertThat(error.detail()).contains("linux", "darwin", "amd64", "arm64");
    }

    @Test
    void bundleIsServedWithAnEtagAndNotSentAgainWhenUnchanged() throws Exception {
        HttpResponse<String> first = get("/bin/coder-linux-amd64");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(BUNDLE);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{64}\"");

        HttpResponse<String> again = get("/bin/coder-linux-amd64", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void bundleIsSentUncompressedWithItsLengthEvenWhenGzipIsAccepted() throws Exception {
        // The init script downloads with `curl --compressed`: a recompressed body under the file's
        // Content-Length made every download fail (curl: transfer closed with bytes remaining).
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/bin/coder-linux-amd64"))
                .header("Accept-Encoding", "gzip, deflate").build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(BUNDLE.length()));
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(BUNDLE);
    }

    @Test
    void otherBundlesAreA404NamingTheServedOnes() throws Exception {
        for (String name : new String[] {"coder-darwin-arm64", "coder-..%2F..%2Fetc%2Fpasswd", "other"}) {
            HttpResponse<String> response = get("/bin/" + name);
            assertThat(response.statusCode()).as(name).isEqualTo(404);
            Response error = Json.mapper().readValue(response.body(), Response.class);
            assertThat(error.detail()).isEqualTo("This deployment serves: coder-linux-amd64.");
        }
    }
}
