package dev.jcoder.coderd.templates;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplatesApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient templateAdmin;
    private static CoderClient member;
    private static ProvisionerDaemons daemons;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        templateAdmin = server.createUser(owner, "tmpladmin", "template-admin");
        member = server.createUser(owner, "tmplmember");
        daemons = EchoTemplates.startDaemons(server, owner, 1);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }


    private static TemplateVersion importedVersion(Object echo) {
        TemplateVersion version = EchoTemplates.createVersion(templateAdmin, EchoTemplates.echo(echo));
        return EchoTemplates.awaitCompleted(templateAdmin, version.id());
    }

    private static Template createTemplate(String name) {
        return templateAdmin.createTemplate("default", CreateTemplateRequest.of(name, importedVersion(Map.of()).id()));
    }

    @Test
    void templateIsCreatedFromASucceededVersionWithCodersDefaults() {
        TemplateVersion version = importedVersion(Map.of());
        Template template = templateAdmin.createTemplate("default", CreateTemplateRequest.of("docker-dev", version.id()));
        assertThat(template.activeVersionId()).isEqualTo(version.id());
        assertThat(template.activityBumpMs()).isEqualTo(3_600_000L);
        assertThat(template.allowUserCancelWorkspaceJobs()).isTrue();
        assertThat(template.allowUserAutostart()).isTrue();
        assertThat(template.organizationName()).isEqualTo(owner.organization("default").name());
        assertThat(template.createdByName()).isEqualTo("tmpladmin");
        assertThat(templateAdmin.templateVersion(version.id()).templateId()).isEqualTo(template.id());

        assertThat(member.template(template.id()).name()).isEqualTo("docker-dev");
        assertThat(member.templateByName("default", "DOCKER-dev").id()).isEqualTo(template.id());
        assertThat(member.templates("default")).extracting(Template::id).contains(template.id());
        assertThat(member.allTemplates("docker")).extracting(Template::id).contains(template.id());
        assertThat(member.allTemplates("exact_name:docker")).isEmpty();
        assertThat(templateAdmin.templateVersions(template.id(), false)).extracting(TemplateVersion::id)
                .containsExactly(version.id());
        assertThat(templateAdmin.templateVersionByName("default", "docker-dev", version.name()).id()).isEqualTo(version.id());
        assertThat(templateAdmin.templateVersionOfTemplate(template.id(), version.name()).id()).isEqualTo(version.id());

        assertStatus(() -> templateAdmin.createTemplate("default", CreateTemplateRequest.of("docker-dev",
                importedVersion(Map.of()).id())), 409);
        assertStatus(() -> templateAdmin.createTemplate("default", CreateTemplateRequest.of("other", version.id())), 400);
    }

    @Test
    void failedVersionCannotBecomeATemplate() {
        TemplateVersion failed = importedVersion(Map.of("error", "nope"));
        assertStatus(() -> templateAdmin.createTemplate("default", CreateTemplateRequest.of("broken", failed.id())), 400);
        assertStatus(() -> templateAdmin.createTemplate("default", CreateTemplateRequest.of("Bad Name!", failed.id())), 400);
    }

    @Test
    void settingsArePatchedAndUnchangedPatchIsNotModified() {
        Template template = createTemplate("settings");
        Template updated = templateAdmin.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty()
                .withNames(null, "Settings", "A template", "/icon/go.svg")
                .withSchedule(7_200_000L, 0L)
                .withPermissions(false, false, false)
                .withDeprecationMessage("use another"));
        assertThat(updated.displayName()).isEqualTo("Settings");
        assertThat(updated.defaultTtlMs()).isEqualTo(7_200_000L);
        assertThat(updated.activityBumpMs()).isZero();
        assertThat(updated.allowUserAutostart()).isFalse();
        assertThat(updated.allowUserAutostop()).isFalse();
        assertThat(updated.allowUserCancelWorkspaceJobs()).isFalse();
        assertThat(updated.deprecated()).isTrue();
        assertThat(updated.deprecationMessage()).isEqualTo("use another");

        var unchanged = templateAdmin.sendRaw("PATCH", "/api/v2/templates/" + template.id(), "application/json",
                "{\"default_ttl_ms\": 7200000}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertStatus(() -> templateAdmin.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty().withSchedule(-1L, null)), 400);
        assertStatus(() -> member.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty().withNames(null, "x", null, null)), 403);

        Template undeprecated = templateAdmin.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty().withDeprecationMessage(""));
        assertThat(undeprecated.deprecated()).isFalse();
    }

    @Test
    void activeVersionIsSwitchedToASucceededVersionOfTheTemplate() {
        Template template = createTemplate("switching");
        var request = dev.jcoder.codersdk.CreateTemplateVersionRequest.ofFile(
                EchoTemplates.upload(templateAdmin, EchoTemplates.echo(Map.of())), dev.jcoder.codersdk.ProvisionerType.ECHO)
                .withTemplate(template.id()).withName("v2", "second");
        TemplateVersion second = templateAdmin.createTemplateVersion("default", request);
        EchoTemplates.awaitCompleted(templateAdmin, second.id());
        templateAdmin.updateActiveTemplateVersion(template.id(), second.id());
        assertThat(templateAdmin.template(template.id()).activeVersionId()).isEqualTo(second.id());
        assertThat(templateAdmin.templateVersions(template.id(), false)).hasSize(2);
        assertStatus(() -> templateAdmin.archiveTemplateVersion(second.id()), 400);
        assertStatus(() -> templateAdmin.updateActiveTemplateVersion(template.id(), importedVersion(Map.of()).id()), 400);
        assertStatus(() -> member.updateActiveTemplateVersion(template.id(), second.id()), 403);

        var failing = dev.jcoder.codersdk.CreateTemplateVersionRequest.ofFile(
                EchoTemplates.upload(templateAdmin, EchoTemplates.echo(Map.of("error", "bad"))),
                dev.jcoder.codersdk.ProvisionerType.ECHO).withTemplate(template.id());
        TemplateVersion failed = templateAdmin.createTemplateVersion("default", failing);
        EchoTemplates.awaitCompleted(templateAdmin, failed.id());
        var archived = templateAdmin.archiveTemplateVersions(template.id(), false);
        assertThat(archived.archivedIds()).containsExactly(failed.id());
        assertThat(templateAdmin.templateVersions(template.id(), false)).hasSize(2);
        assertThat(templateAdmin.templateVersions(template.id(), true)).hasSize(3);
    }

    @Test
    void deleteRemovesTheTemplateForTemplateAdminsOnly() {
        Template template = createTemplate("doomed");
        assertStatus(() -> member.deleteTemplate(template.id()), 403);
        templateAdmin.deleteTemplate(template.id());
        assertStatus(() -> templateAdmin.template(template.id()), 404);
        assertThat(templateAdmin.templates("default")).extracting(Template::id).doesNotContain(template.id());
        // The name is free again.
        createTemplate("doomed");
    }

    @Test
    void examplesAreListed() {
        assertThat(member.templateExamples()).isNotNull();
    }
}
