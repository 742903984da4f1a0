package dev.jcoder.coderd.templates;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.awaitility.Awaitility;

/** Test helpers: echo template archives, in-process echo daemons, waiting for import jobs. */
public final class EchoTemplates {
    private EchoTemplates() {}

    /** Starts {@code count} in-process daemons with the echo provisioner on the default organization. */
    public static ProvisionerDaemons startDaemons(TestCoderd server, CoderClient owner, int count) {
        UUID organization = owner.organization("default").id();
        try {
            Path work = Files.createTempDirectory("jcoder-provisionerd-test");
            return ProvisionerDaemons.start(count, "test-" + UUID.randomUUID().toString().substring(0, 4),
                    registration -> server.coderd().provisionerJobs().daemonServer().connect(organization, registration, "test"),
                    ProvisionerDaemons.builtIn(),
                    new DaemonConfig(work, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(5)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tar with the given files (path to text content). */
    public static byte[] tar(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tar whose {@code echo.json} is {@code responses} (an object that serializes to the echo format). */
    public static byte[] echo(Object responses) {
        return echo(responses, "");
    }

    public static byte[] echo(Object responses, String readme) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            files.put("echo.json", Json.mapper().writeValueAsString(responses));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!readme.isEmpty()) {
            files.put("README.md", readme);
        }
        files.put("main.tf", "# " + UUID.randomUUID());
        return tar(files);
    }

    /** Uploads {@code archive} and creates a version with the echo provisioner. */
    public static TemplateVersion createVersion(CoderClient client, byte[] archive) {
        return createVersion(client, CreateTemplateVersionRequest.ofFile(upload(client, archive), ProvisionerType.ECHO));
    }

    public static TemplateVersion createVersion(CoderClient client, CreateTemplateVersionRequest request) {
        return client.createTemplateVersion("default", request);
    }

    public static UUID upload(CoderClient client, byte[] archive) {
        return client.uploadFile("application/x-tar", archive).hash();
    }

    /** Waits until the version's import job has ended and returns the version. */
    public static TemplateVersion awaitCompleted(CoderClient client, UUID versionId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.templateVersion(versionId).job().completed());
        return client.templateVersion(versionId);
    }
}
