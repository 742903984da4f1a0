package dev.jcoder.coderd.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.store.TemplatesFilter;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every store method of issue 3 is checked: a subject without roles reads nothing and changes nothing. */
class TemplateStoreAuthorizationTest {

    @Test
    void subjectWithoutRolesIsDeniedEverything() {
        try (TestCoderd server = TestCoderd.start()) {
            CoderClient owner = server.createFirstUser();
            TemplateVersion version;
            Template template;
            try (ProvisionerDaemons daemons = EchoTemplates.startDaemons(server, owner, 1)) {
                version = EchoTemplates.awaitCompleted(owner, EchoTemplates.createVersion(owner, EchoTemplates.echo(Map.of(
                        "logs", List.of(Map.of("output", "x")), "presets", List.of(Map.of("name", "p")))))
                        .id());
                template = owner.createTemplate("default", CreateTemplateRequest.of("guarded", version.id()));
            }
            UUID organization = template.organizationId();
            UUID job = version.job().id();
            AuthorizingStore nobody = new AuthorizingStore(new PostgresStore(server.coderd().database().jdbi()),
                    new Authorizer(), Subject.nobody());
            Instant now = Instant.now();

            assertThat(nobody.getFileByID(version.job().fileId())).isEmpty();
            assertThat(nobody.getProvisionerJobByID(job)).isEmpty();
            assertThat(nobody.getTemplateByID(template.id())).isEmpty();
            assertThat(nobody.getTemplateByOrganizationAndName(organization, "guarded")).isEmpty();
            assertThat(nobody.getTemplatesWithFilter(TemplatesFilter.inOrganization(organization))).isEmpty();
            assertThat(nobody.getTemplateVersionByID(version.id())).isEmpty();
            assertThat(nobody.getTemplateVersionByJobID(job)).isEmpty();
            assertThat(nobody.getTemplateVersionByTemplateIDAndName(template.id(), version.name())).isEmpty();
            assertThat(nobody.getTemplateVersionsByTemplateID(template.id(), true)).isEmpty();
            denied(() -> nobody.getProvisionerJobsByOrganization(organization, List.of(), 0));
            denied(() -> nobody.getProvisionerLogsAfterID(job, 0, 0));
            denied(() -> nobody.getProvisionerJobResources(job));
            denied(() -> nobody.getProvisionerDaemonsByOrganization(organization));
            denied(() -> nobody.getTemplateVersionParameters(version.id()));
            denied(() -> nobody.getTemplateVersionVariables(version.id()));
            denied(() -> nobody.getPresetsByTemplateVersionID(version.id()));
            denied(() -> nobody.getTemplateVersionWorkspaceTags(version.id()));
            denied(() -> nobody.getTemplateVersionExternalAuthProviders(version.id()));
            denied(() -> nobody.insertTemplateVersionWorkspaceTags(version.id(), Map.of("a", "b")));
            denied(() -> nobody.insertTemplateVersionExternalAuthProviders(version.id(), List.of("github")));
            denied(() -> nobody.getTemplateWorkspaceCount(template.id()));
            denied(() -> nobody.acquireProvisionerJob(UUID.randomUUID(), organization, List.of("echo"), "{}", now));
            denied(() -> nobody.updateProvisionerJobByID(job, UUID.randomUUID(), now));
            denied(() -> nobody.updateProvisionerJobWithCancelByID(job, now));
            denied(() -> nobody.updateProvisionerJobWithCompleteByID(job, now, "", ""));
            denied(() -> nobody.getHungProvisionerJobs(now, now));
            denied(() -> nobody.insertProvisionerJobLogs(job, List.of()));
            denied(() -> nobody.updateTemplateActiveVersionByID(template.id(), version.id(), now));
            denied(() -> nobody.updateTemplateDeletedByID(template.id(), now));
            denied(() -> nobody.updateTemplateVersionByID(version.id(), Optional.empty(), "x", "", now));
            denied(() -> nobody.updateTemplateVersionArchivedByID(version.id(), true, now));
            denied(() -> nobody.updateTemplateVersionReadmeByJobID(job, "", now));
            denied(() -> nobody.replaceTemplateVersionVariables(version.id(), List.of()));
            denied(() -> nobody.updateProvisionerDaemonLastSeenAt(UUID.randomUUID(), now));
        }
    }

    private static void denied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class);
    }
}
