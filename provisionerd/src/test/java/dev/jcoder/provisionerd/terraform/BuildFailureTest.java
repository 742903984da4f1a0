package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.provisionerd.JobFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds that fail or are canceled hand back the state terraform wrote. */
class BuildFailureTest {
    @TempDir
    static Path cache;

    static TerraformProvisioner provisioner;

    @BeforeAll
    static void start() {
        provisioner = TestProvisioners.start(TestProvisioners.offlineConfig(cache));
    }

    @AfterAll
    static void stop() {
        provisioner.close();
    }

    private static final String HEADER = """
            terraform {
              required_providers {
                coder = {
                  source = "coder/coder"
                }
              }
            }
            data "coder_workspace" "me" {}
            resource "coder_agent" "main" {
              os   = "linux"
              arch = "amd64"
            }
            resource "terraform_data" "home" {
              input = data.coder_workspace.me.name
            }
            """;

    @Test
    void aFailedApplyKeepsTheResourcesItCreated(@TempDir Path jobs) throws Exception {
        Path work = Jobs.workDirectory(HEADER + """
                resource "terraform_data" "broken" {
                  depends_on = [terraform_data.home]
                  input      = coder_agent.main.init_script
                  provisioner "local-exec" {
                    command = "echo about to fail; exit 3"
                  }
                }
                """, jobs);
        RecordingSession session = new RecordingSession();

        JobFailedException failure = catchFailure(() -> provisioner.run(
                Jobs.build(WorkspaceTransition.START, new byte[0], List.of(), List.of()), work, session));

        assertThat(failure.getMessage()).startsWith("terraform apply: exit status 1").contains("local-exec");
        assertThat(addresses(failure.state())).contains("terraform_data.home", "coder_agent.main");
        assertThat(session.output("Starting workspace")).anyMatch(line -> line.contains("about to fail"));
    }

    @Test
    void aFailedPlanKeepsThePreviousState(@TempDir Path jobs) throws Exception {
        Path first = Jobs.workDirectory(HEADER, jobs);
        JobResult.WorkspaceBuild built = (JobResult.WorkspaceBuild) provisioner.run(
                Jobs.build(WorkspaceTransition.START, new byte[0], List.of(), List.of()), first, new RecordingSession());
        Path second = Jobs.workDirectory(HEADER + """
                resource "terraform_data" "typo" {
                  input = data.coder_workspace.me.no_such_attribute
                }
                """, jobs);

        JobFailedException failure = catchFailure(() -> provisioner.run(
                Jobs.build(WorkspaceTransition.START, built.state(), List.of(), List.of()), second, new RecordingSession()));

        assertThat(failure.getMessage()).startsWith("terraform plan: exit status 1").contains("Unsupported attribute");
        assertThat(failure.state()).isEqualTo(built.state());
    }

    @Test
    void cancelInterruptsTerraformAndKeepsTheState(@TempDir Path jobs) throws Exception {
        Path work = Jobs.workDirectory(HEADER + """
                resource "terraform_data" "slow" {
                  depends_on = [terraform_data.home]
                  input      = coder_agent.main.id
                  provisioner "local-exec" {
                    command = "echo sleeping; sleep 120 & echo $! > sleep.pid; wait"
                  }
                }
                """, jobs);
        RecordingSession session = new RecordingSession();
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
            try {
                return provisioner.run(Jobs.build(WorkspaceTransition.START, new byte[0], List.of(), List.of()), work,
                        session);
            } catch (Exception e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> session.output("Starting workspace").stream()
                .anyMatch(line -> line.contains("sleeping")));

        Instant canceledAt = Instant.now();
        session.cancel();
        Object outcome = result.get(30, TimeUnit.SECONDS);

        assertThat(Duration.between(canceledAt, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(outcome).isInstanceOf(JobFailedException.class);
        JobFailedException canceled = (JobFailedException) outcome;
        assertThat(canceled.getMessage()).isEqualTo("canceled");
        assertThat(addresses(canceled.state())).contains("terraform_data.home");
        long sleeper = Long.parseLong(Files.readString(work.resolve("sleep.pid")).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(sleeper).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void missingTerraformFailsEarlyAndClearly(@TempDir Path jobs) {
        try (TerraformProvisioner missing = TestProvisioners.start(
                TestProvisioners.offlineConfig(cache).withTerraform("/nonexistent/bin/terraform"))) {
            assertThatThrownBy(() -> missing.run(Jobs.importJob(List.of()), Jobs.workDirectory(HEADER, jobs),
                    new RecordingSession()))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageStartingWith("Terraform is not installed: \"/nonexistent/bin/terraform\" was not found.")
                    .hasMessageContaining("Install Terraform 1.9.0 or newer");
        }
    }

    @Test
    void tooOldTerraformFailsEarlyAndClearly(@TempDir Path jobs) throws Exception {
        Path old = jobs.resolve("terraform");
        Files.writeString(old, "#!/bin/sh\necho '{\"terraform_version\":\"1.5.7\",\"platform\":\"linux_amd64\"}'\n");
        old.toFile().setExecutable(true);
        try (TerraformProvisioner outdated = TestProvisioners.start(
                TestProvisioners.offlineConfig(cache).withTerraform(old.toString()))) {
            assertThatThrownBy(() -> outdated.run(Jobs.importJob(List.of()), Jobs.workDirectory(HEADER, jobs),
                    new RecordingSession()))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessage("Terraform 1.5.7 at " + old + " is too old: the provisioner needs Terraform 1.9.0 or newer.");
        }
    }

    private interface Run {
        Object run() throws Exception;
    }

    private static JobFailedException catchFailure(Run run) throws Exception {
        try {
            run.run();
        } catch (JobFailedException e) {
            return e;
        }
        throw new AssertionError("the job did not fail");
    }

    private static List<String> addresses(byte[] state) throws Exception {
        JsonNode root = Json.mapper().readTree(state);
        List<String> addresses = new ArrayList<>();
        for (JsonNode resource : root.path("resources")) {
            addresses.add((resource.path("mode").asText().equals("data") ? "data." : "")
                    + resource.path("type").asText() + "." + resource.path("name").asText());
        }
        return addresses;
    }
}
