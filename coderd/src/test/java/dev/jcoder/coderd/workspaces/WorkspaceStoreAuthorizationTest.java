package dev.jcoder.coderd.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.NewWorkspace;
import dev.jcoder.coderd.store.NewWorkspaceBuild;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.store.WorkspaceBuildParameterRow;
import dev.jcoder.coderd.store.WorkspaceResourceRow;
import dev.jcoder.coderd.store.WorkspacesFilter;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every store method of issue 5 is checked: a subject without roles reads nothing and changes
 * nothing, and another member sees nothing of someone else's workspace.
 */
class WorkspaceStoreAuthorizationTest {

    @Test
    void subjectsWithoutRightsAreDeniedEverything() {
        try (TestCoderd server = TestCoderd.start()) {
            CoderClient owner = server.createFirstUser();
            CoderClient member = server.createUser(owner, "jane");
            Workspace workspace;
            WorkspaceBuild build;
            try (ProvisionerDaemons daemons = EchoTemplates.startDaemons(server, owner, 1)) {
                Template template = WorkspaceFixtures.template(owner, "guarded", WorkspaceFixtures.echo(List.of(), "s"));
                workspace = WorkspaceFixtures.create(member, template, "guarded", List.of());
                build = WorkspaceFixtures.awaitBuild(member, workspace.latestBuild().id());
            }
            UUID id = workspace.id();
            UUID job = build.job().id();
            PostgresStore postgres = new PostgresStore(server.coderd().database().jdbi());
            Instant now = Instant.now();
            AuthorizingStore other = new AuthorizingStore(postgres, new Authorizer(), Subject.user(UUID.randomUUID(),
                    "other", java.util.Set.of(), java.util.Map.of(workspace.organizationId(), java.util.Set.of())));
            for (AuthorizingStore denied : List.of(new AuthorizingStore(postgres, new Authorizer(), Subject.nobody()), other)) {
                assertThat(denied.getWorkspaceByID(id)).isEmpty();
                assertThat(denied.getWorkspaceByOwnerIDAndName(workspace.ownerId(), "guarded", true)).isEmpty();
                assertThat(denied.getWorkspaces(WorkspacesFilter.all(now, denied.subject().id()), 0, 0).items()).isEmpty();
                assertThat(denied.getWorkspaceBuildByID(build.id())).isEmpty();
                assertThat(denied.getWorkspaceBuildByJobID(job)).isEmpty();
                assertThat(denied.getLatestWorkspaceBuildByWorkspaceID(id)).isEmpty();
                assertThat(denied.getLatestWorkspaceBuildsByWorkspaceIDs(List.of(id))).isEmpty();
                assertThat(denied.getWorkspaceBuildByWorkspaceIDAndBuildNumber(id, 1)).isEmpty();
                assertThat(denied.getProvisionerJobsByIDs(List.of(job))).isEmpty();
                assertThat(denied.getWorkspaceResourceTreesByJobIDs(List.of(job))).isEmpty();
                denied(() -> denied.getWorkspaceBuildsByWorkspaceID(id, Optional.empty(), 0, 0));
                denied(() -> denied.getWorkspaceBuildProvisionerStateByID(build.id()));
                denied(() -> denied.getWorkspaceBuildParameters(build.id()));
                denied(() -> denied.getProvisionerJobTimingsByJobID(job));
                denied(() -> denied.getWorkspaceAgentScriptTimingsByJobID(job));
                denied(() -> denied.insertWorkspace(new NewWorkspace(UUID.randomUUID(), now, workspace.ownerId(),
                        workspace.organizationId(), workspace.templateId(), "x", Optional.empty(), Optional.empty(),
                        AutomaticUpdates.NEVER)));
                denied(() -> denied.updateWorkspace(id, "y", now));
                denied(() -> denied.updateWorkspaceTTL(id, Optional.empty(), now));
                denied(() -> denied.updateWorkspaceAutostart(id, Optional.empty(), now));
                denied(() -> denied.updateWorkspaceAutomaticUpdates(id, AutomaticUpdates.ALWAYS, now));
                denied(() -> denied.favoriteWorkspace(id));
                denied(() -> denied.unfavoriteWorkspace(id));
                denied(() -> denied.updateWorkspaceDormantDeletingAt(id, Optional.of(now), Optional.empty(), now));
                denied(() -> denied.updateWorkspaceDeletedByID(id, true, now));
                denied(() -> denied.updateWorkspaceLastUsedAt(id, now));
                for (WorkspaceTransition transition : WorkspaceTransition.values()) {
                    denied(() -> denied.insertWorkspaceBuild(new NewWorkspaceBuild(UUID.randomUUID(), now, id,
                            build.templateVersionId(), 9, transition, denied.subject().id(), Optional.empty(), job,
                            BuildReason.INITIATOR, Optional.empty())));
                }
                denied(() -> denied.updateWorkspaceBuildProvisionerStateByID(build.id(), new byte[0], now));
                denied(() -> denied.updateWorkspaceBuildDeadlineByID(build.id(), Optional.empty(), Optional.empty(), now));
                denied(() -> denied.updateWorkspaceBuildCostByID(build.id(), 1));
                denied(() -> denied.insertWorkspaceBuildParameters(List.of(new WorkspaceBuildParameterRow(build.id(), "a", "b"))));
                denied(() -> denied.insertWorkspaceResource(new WorkspaceResourceRow(UUID.randomUUID(), now, job,
                        WorkspaceTransition.START, "t", "n", false, "", 0)));
                denied(() -> denied.insertWorkspaceResourceMetadata(List.of()));
                denied(() -> denied.insertWorkspaceAgentScripts(List.of()));
                denied(() -> denied.insertWorkspaceAgentLogSources(List.of()));
                denied(() -> denied.insertWorkspaceAgentMetadata(List.of()));
                denied(() -> denied.insertProvisionerJobTimings(List.of()));
            }
            // The owner of the workspace sees it, the build, the job and the resources.
            AuthorizingStore asMember = new AuthorizingStore(postgres, new Authorizer(), Subject.user(workspace.ownerId(),
                    "jane", java.util.Set.of(), java.util.Map.of(workspace.organizationId(), java.util.Set.of())));
            assertThat(asMember.getWorkspaces(WorkspacesFilter.all(now, workspace.ownerId()), 0, 0).count()).isEqualTo(1);
            assertThat(asMember.getWorkspaceResourceTreesByJobIDs(List.of(job))).hasSize(1);
            assertThat(asMember.getProvisionerJobsByIDs(List.of(job))).hasSize(1);
        }
    }

    private static void denied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class);
    }
}
