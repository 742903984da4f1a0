package dev.jcoder.coderd.templates;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.PatchTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionVariable;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateVersionsApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient templateAdmin;
    private static CoderClient member;
    private static ProvisionerDaemons daemons;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        templateAdmin = server.createUser(owner, "tadmin", "template-admin");
        member = server.createUser(owner, "member");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }


    private static Map<String, Object> fullEcho() {
        return Map.of(
                "logs", List.of(Map.of("level", "info", "stage", "Planning", "output", "hello from echo"),
                        Map.of("level", "warn", "stage", "Planning", "output", "second line")),
                "variables", List.of(
                        Map.of("name", "region", "type", "string", "default_value", "eu-west", "required", false, "sensitive", false),
                        Map.of("name", "secret", "type", "string", "default_value", "", "required", true, "sensitive", true)),
                "parameters", List.of(Map.of("name", "cpu", "type", "number", "mutable", true, "default_value", "2",
                        "description", "**CPU** cores", "options", List.of(), "required", false, "ephemeral", false,
                        "validation_min", 1, "validation_max", 8)),
                "resources", List.of(Map.of("name", "dev", "type", "docker_container",
                        "agents", List.of(Map.of("name", "main", "apps", List.of(Map.of("slug", "code", "display_name", "Code")))),
                        "metadata", List.of(Map.of("key", "image", "value", "ubuntu", "sensitive", false)))),
                "stop_resources", List.of(Map.of("name", "home", "type", "docker_volume")),
                "presets", List.of(Map.of("name", "small", "parameters", Map.of("cpu", "2"), "is_default", true)));
    }

    @Test
    void templateAdminImportsAVersionWithEverythingTheEchoProvisionerReports() {
        byte[] archive = EchoTemplates.echo(fullEcho(), "# My template");
        var request = CreateTemplateVersionRequest.ofFile(EchoTemplates.upload(templateAdmin, archive), ProvisionerType.ECHO)
                .withVariables(List.of(new VariableValue("secret", "hunter2")));
        TemplateVersion created = templateAdmin.createTemplateVersion("default", request);
        assertThat(created.job().status()).isIn(ProvisionerJobStatus.PENDING, ProvisionerJobStatus.RUNNING);
        assertThat(created.name()).isNotBlank();
        assertThat(created.createdBy().username()).isEqualTo("tadmin");

        TemplateVersion done = EchoTemplates.awaitCompleted(templateAdmin, created.id());
        assertThat(done.job().status()).as(done.job().error()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
        assertThat(done.readme()).isEqualTo("# My template");
        assertThat(done.job().workerId()).isNotNull();
        assertThat(done.job().queuePosition()).isZero();

        var parameters = templateAdmin.templateVersionRichParameters(created.id());
        assertThat(parameters).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("cpu");
            assertThat(p.validationMax()).isEqualTo(8);
            assertThat(p.descriptionPlaintext()).isEqualTo("CPU cores");
        });
        List<TemplateVersionVariable> variables = templateAdmin.templateVersionVariables(created.id());
        assertThat(variables).extracting(TemplateVersionVariable::name).containsExactly("region", "secret");
        assertThat(variables.get(0).value()).isEqualTo("eu-west");
        assertThat(variables.get(1).value()).isEqualTo("*redacted*");

        List<WorkspaceResource> resources = templateAdmin.templateVersionResources(created.id());
        assertThat(resources).extracting(WorkspaceResource::name).containsExactlyInAnyOrder("dev", "home");
        WorkspaceResource dev = resources.stream().filter(r -> r.name().equals("dev")).findFirst().orElseThrow();
        assertThat(dev.agents()).singleElement().satisfies(agent -> assertThat(agent.apps()).extracting(a -> a.slug())
                .containsExactly("code"));
        assertThat(templateAdmin.templateVersionPresets(created.id())).singleElement()
                .satisfies(preset -> assertThat(preset.parameters()).singleElement()
                        .satisfies(p -> assertThat(p.value()).isEqualTo("2")));

        List<ProvisionerJobLog> logs = templateAdmin.templateVersionLogs(created.id(), 0);
        assertThat(logs).extracting(ProvisionerJobLog::output).contains("hello from echo", "second line");
        assertThat(templateAdmin.templateVersionLogs(created.id(), logs.getLast().id())).isEmpty();

        // Members may read versions of their organization but not import them.
        assertThat(member.templateVersion(created.id()).id()).isEqualTo(created.id());
        assertStatus(() -> member.createTemplateVersion("default", request), 403);
    }

    @Test
    void starterTemplateIsPackedByTheServerAndStoredOncePerUser() throws Exception {
        TemplateVersion first = templateAdmin.createTemplateVersion("default",
                CreateTemplateVersionRequest.ofExample("local", ProvisionerType.ECHO));
        TemplateVersion second = templateAdmin.createTemplateVersion("default",
                CreateTemplateVersionRequest.ofExample("local", ProvisionerType.ECHO));
        assertThat(second.job().fileId()).isEqualTo(first.job().fileId());

        byte[] tar = templateAdmin.downloadFile(first.job().fileId(), "");
        List<String> names = new ArrayList<>();
        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.io.ByteArrayInputStream(tar))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("main.tf", "README.md");
    }

    @Test
    void unknownStarterTemplateIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> templateAdmin.createTemplateVersion("default",
                CreateTemplateVersionRequest.ofExample("no-such-starter", ProvisionerType.ECHO)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().validations()).extracting(v -> v.field()).containsExactly("example_id");
                });
    }

    @Test
    void missingRequiredVariableFailsWithItsErrorCode() {
        TemplateVersion version = EchoTemplates.createVersion(templateAdmin, EchoTemplates.echo(fullEcho()));
        TemplateVersion done = EchoTemplates.awaitCompleted(templateAdmin, version.id());
        assertThat(done.job().status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(done.job().errorCode()).isEqualTo("REQUIRED_TEMPLATE_VARIABLES");
        assertThat(done.job().error()).contains("secret");
        assertThat(templateAdmin.templateVersionVariables(version.id())).hasSize(2);
        assertStatus(() -> templateAdmin.templateVersionRichParameters(version.id()), 400);
    }

    @Test
    void failingImportReportsTheError() {
        TemplateVersion version = EchoTemplates.createVersion(templateAdmin, EchoTemplates.echo(Map.of("error", "boom")));
        TemplateVersion done = EchoTemplates.awaitCompleted(templateAdmin, version.id());
        assertThat(done.job().status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(done.job().error()).isEqualTo("boom");
    }

    @Test
    void pendingJobIsCanceledAtOnceAndShowsItsQueuePosition() {
        // No daemon has this tag, so the jobs stay pending.
        var request = CreateTemplateVersionRequest.ofFile(EchoTemplates.upload(templateAdmin, EchoTemplates.echo(Map.of())),
                ProvisionerType.ECHO).withTags(Map.of("pool", "nowhere"));
        TemplateVersion first = templateAdmin.createTemplateVersion("default", request);
        TemplateVersion second = templateAdmin.createTemplateVersion("default", request);
        assertThat(first.job().tags()).containsEntry("pool", "nowhere").containsEntry("scope", "organization");
        TemplateVersion reread = templateAdmin.templateVersion(second.id());
        assertThat(reread.job().status()).isEqualTo(ProvisionerJobStatus.PENDING);
        assertThat(reread.job().queuePosition()).isGreaterThan(templateAdmin.templateVersion(first.id()).job().queuePosition());
        assertThat(reread.job().queueSize()).isGreaterThanOrEqualTo(2);

        templateAdmin.cancelTemplateVersion(first.id());
        assertThat(templateAdmin.templateVersion(first.id()).job().status()).isEqualTo(ProvisionerJobStatus.CANCELED);
        assertStatus(() -> templateAdmin.cancelTemplateVersion(first.id()), 412); // as Coder: 412 once finished or canceled
        assertStatus(() -> member.cancelTemplateVersion(second.id()), 403);
        templateAdmin.cancelTemplateVersion(second.id());
    }

    @Test
    void runningJobIsToldToStopAndEndsCanceled() {
        TemplateVersion version = EchoTemplates.createVersion(templateAdmin, EchoTemplates.echo(Map.of(
                "logs", List.of(Map.of("output", "working")), "wait_for_cancel", true)));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> templateAdmin.templateVersion(version.id()).job().status() == ProvisionerJobStatus.RUNNING);
        templateAdmin.cancelTemplateVersion(version.id());
        TemplateVersion done = EchoTemplates.awaitCompleted(templateAdmin, version.id());
        assertThat(done.job().status()).isEqualTo(ProvisionerJobStatus.CANCELED);
        assertThat(done.job().canceledAt()).isNotNull();
    }

    @Test
    void followerThatConnectsMidJobAndOneThatResumesWithAfterLoseNothing() throws Exception {
        List<Map<String, Object>> lines = IntStream.range(0, 30)
                .mapToObj(i -> Map.<String, Object>of("output", "line " + i)).toList();
        TemplateVersion version = EchoTemplates.createVersion(templateAdmin,
                EchoTemplates.echo(Map.of("logs", lines, "log_delay_ms", 30)));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> templateAdmin.templateVersionLogs(version.id(), 0).size() >= 3);

        List<ProvisionerJobLog> followed = new CopyOnWriteArrayList<>();
        templateAdmin.followTemplateVersionLogs(version.id(), 0, followed::add);
        // The stream ended because the job completed: every line is there, in order, once.
        assertThat(templateAdmin.templateVersion(version.id()).job().completed()).isTrue();
        List<String> outputs = followed.stream().map(ProvisionerJobLog::output).filter(o -> o.startsWith("line ")).toList();
        assertThat(outputs).containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> "line " + i).toList());
        assertThat(followed).extracting(ProvisionerJobLog::id).doesNotHaveDuplicates().isSorted();

        long resumeAfter = followed.get(10).id();
        List<ProvisionerJobLog> resumed = new ArrayList<>();
        templateAdmin.followTemplateVersionLogs(version.id(), resumeAfter, resumed::add);
        assertThat(resumed).containsExactlyElementsOf(followed.subList(11, followed.size()));
    }

    @Test
    void versionsArePatchedArchivedAndFoundByName() {
        TemplateVersion version = EchoTemplates.awaitCompleted(templateAdmin,
                EchoTemplates.createVersion(templateAdmin, EchoTemplates.echo(Map.of())).id());
        TemplateVersion patched = templateAdmin.patchTemplateVersion(version.id(), new PatchTemplateVersionRequest("v-one", "first"));
        assertThat(patched.name()).isEqualTo("v-one");
        assertThat(patched.message()).isEqualTo("first");
        assertStatus(() -> templateAdmin.patchTemplateVersion(version.id(), new PatchTemplateVersionRequest("bad name!", null)), 400);
        assertStatus(() -> member.patchTemplateVersion(version.id(), new PatchTemplateVersionRequest("x", null)), 403);

        templateAdmin.archiveTemplateVersion(version.id());
        assertThat(templateAdmin.templateVersion(version.id()).archived()).isTrue();
        templateAdmin.unarchiveTemplateVersion(version.id());
        assertThat(templateAdmin.templateVersion(version.id()).archived()).isFalse();
        assertStatus(() -> templateAdmin.templateVersion(java.util.UUID.randomUUID()), 404);
    }
}
