package dev.jcoder.provisionerd.terraform;

import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Jobs and working directories for provisioner tests. */
final class Jobs {
    static final UUID WORKSPACE_ID = UUID.fromString("6b2e6a38-3f4a-4cb2-9a4b-5d8f0f7b1a01");
    static final UUID OWNER_ID = UUID.fromString("b2b2b2b2-3f4a-4cb2-9a4b-5d8f0f7b1a01");
    static final UUID TEMPLATE_ID = UUID.fromString("a1a1a1a1-3f4a-4cb2-9a4b-5d8f0f7b1a01");
    /** Nobody listens here: the agent bootstrap keeps retrying its download. */
    static final String ACCESS_URL = "http://127.0.0.1:9/";

    private Jobs() {}

    static AcquiredJob importJob(List<VariableValue> values) {
        return job(new JobPayload.TemplateImport(
                Metadata.forImport(ACCESS_URL, "starter", "v1", UUID.randomUUID()), values));
    }

    static AcquiredJob build(WorkspaceTransition transition, byte[] state, List<RichParameterValue> parameters,
            List<VariableValue> variables) {
        Metadata metadata = new Metadata(ACCESS_URL, transition, "dev", "alice", WORKSPACE_ID, OWNER_ID,
                "alice@example.com", "Alice Liddell", "starter", "v1", TEMPLATE_ID, UUID.randomUUID(), UUID.randomUUID(),
                "session-token-secret", "ssh-ed25519 AAAA alice", "-----BEGIN OPENSSH PRIVATE KEY-----", "password",
                List.of("Everyone"), List.of(new Metadata.RbacRole("member", "")));
        return job(new JobPayload.WorkspaceBuild(metadata.workspaceBuildId(), "dev", parameters, variables, metadata,
                state, ""));
    }

    private static AcquiredJob job(JobPayload payload) {
        return new AcquiredJob(UUID.randomUUID(), Instant.now(), ProvisionerType.TERRAFORM, "alice", new byte[0], payload);
    }

    /** A fresh working directory with a copy of {@code template} (what the daemon unpacks). */
    static Path workDirectory(Path template, Path parent) {
        try {
            Path work = Files.createTempDirectory(parent, "job-");
            try (Stream<Path> files = Files.walk(template)) {
                for (Path file : files.toList()) {
                    Path target = work.resolve(template.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A working directory with one main.tf. */
    static Path workDirectory(String mainTf, Path parent) {
        try {
            Path work = Files.createTempDirectory(parent, "job-");
            Files.writeString(work.resolve("main.tf"), mainTf);
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
