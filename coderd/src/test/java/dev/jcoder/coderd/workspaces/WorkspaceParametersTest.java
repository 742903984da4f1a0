package dev.jcoder.coderd.workspaces;

import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.awaitBuild;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.create;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.parameter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Preset;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rich parameter rule: resolution order, required, options, types, regex, min/max, monotonic, immutable, ephemeral. */
class WorkspaceParametersTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static ProvisionerDaemons daemons;
    private static Template template;

    private static List<Map<String, Object>> parameters() {
        return List.of(
                parameter("region", "string", true, "eu", false, Map.of("display_name", "Region", "options", List.of(
                        Map.of("name", "Europe", "value", "eu", "description", "", "icon", ""),
                        Map.of("name", "America", "value", "us", "description", "", "icon", "")))),
                parameter("cpu", "number", true, "2", false, Map.of("validation_min", 1, "validation_max", 8,
                        "validation_monotonic", "increasing", "validation_error", "CPU must be between {min} and {max}, not {value}")),
                parameter("disk", "number", false, "10", false, Map.of()),
                parameter("tag", "string", true, "abc", false, Map.of("validation_regex", "^[a-z]+$",
                        "validation_error", "lowercase letters only")),
                parameter("secret", "string", true, "", true, Map.of()),
                parameter("debug", "bool", true, "false", false, Map.of()),
                parameter("extras", "list(string)", true, "[]", false, Map.of()),
                parameter("once", "string", true, "default-once", false, Map.of("ephemeral", true)));
    }

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        member = server.createUser(owner, "paula");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        Map<String, Object> echo = new LinkedHashMap<>(WorkspaceFixtures.echo(parameters(), ""));
        echo.put("presets", List.of(Map.of("name", "big", "parameters", Map.of("cpu", "6", "region", "us"))));
        template = WorkspaceFixtures.template(owner, "params", echo);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    private static List<WorkspaceBuildParameter> values(String... pairs) {
        List<WorkspaceBuildParameter> values = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.add(new WorkspaceBuildParameter(pairs[i], pairs[i + 1]));
        }
        return values;
    }

    private static Map<String, String> buildValues(WorkspaceBuild build) {
        Map<String, String> map = new LinkedHashMap<>();
        member.workspaceBuildParameters(build.id()).forEach(p -> map.put(p.name(), p.value()));
        return map;
    }

    /** The call fails with 400, naming {@code parameter}, with a detail containing {@code text}. */
    private static void rejected(ThrowingCallable call, String parameter, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CoderApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.response().message()).isEqualTo("Unable to validate parameter \"" + parameter + "\"");
            assertThat(e.response().detail()).contains(text);
            assertThat(e.response().validations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(parameter));
        });
    }

    private static WorkspaceBuild rebuild(Workspace workspace, WorkspaceTransition transition, List<WorkspaceBuildParameter> values) {
        return awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(transition).withParameters(values)).id());
    }

    @Test
    void requiredWithoutValueIsRejectedNamingIt() {
        rejected(() -> create(member, template, "no-secret", List.of()), "secret",
                "Parameter \"secret\" is required but not provided");
        rejected(() -> create(member, template, "empty-secret", values("secret", "")), "secret",
                "parameter value is required");
    }

    @Test
    void defaultsFillWhatIsNotGivenAndValuesCarryOver() {
        Workspace workspace = create(member, template, "defaults", values("secret", "s3", "once", "first"));
        WorkspaceBuild first = awaitBuild(member, workspace.latestBuild().id());
        assertThat(buildValues(first)).containsExactlyInAnyOrderEntriesOf(Map.of("region", "eu", "cpu", "2",
                "disk", "10", "tag", "abc", "secret", "s3", "debug", "false", "extras", "[]", "once", "first"));
        // A stop carries the previous values; the ephemeral one falls back to its default.
        WorkspaceBuild stop = rebuild(workspace, WorkspaceTransition.STOP, List.of());
        assertThat(buildValues(stop)).containsEntry("secret", "s3").containsEntry("once", "default-once");
        WorkspaceBuild start = rebuild(workspace, WorkspaceTransition.START, values("region", "us", "cpu", "4"));
        assertThat(buildValues(start)).containsEntry("region", "us").containsEntry("cpu", "4").containsEntry("secret", "s3");
    }

    @Test
    void optionsTypesRegexAndLimits() {
        rejected(() -> create(member, template, "bad-option", values("secret", "s", "region", "mars")), "region",
                "parameter value must match one of options: [eu, us]");
        rejected(() -> create(member, template, "bad-number", values("secret", "s", "cpu", "many")), "cpu",
                "CPU must be between 1 and 8, not many");
        rejected(() -> create(member, template, "bad-disk", values("secret", "s", "disk", "big")), "disk",
                "value \"big\" is not a number");
        rejected(() -> create(member, template, "too-many", values("secret", "s", "cpu", "9")), "cpu",
                "CPU must be between 1 and 8, not 9");
        rejected(() -> create(member, template, "too-few", values("secret", "s", "cpu", "0")), "cpu",
                "CPU must be between 1 and 8, not 0");
        rejected(() -> create(member, template, "bad-tag", values("secret", "s", "tag", "ABC")), "tag",
                "lowercase letters only (value \"ABC\" does not match \"^[a-z]+$\")");
        rejected(() -> create(member, template, "bad-bool", values("secret", "s", "debug", "yes")), "debug",
                "boolean value can be either \"true\" or \"false\"");
        rejected(() -> create(member, template, "bad-list", values("secret", "s", "extras", "a,b")), "extras",
                "is not valid list of strings");
        rejected(() -> create(member, template, "unknown", values("secret", "s", "colour", "red")), "colour",
                "Parameter \"colour\" is not present in the template.");
        Workspace ok = create(member, template, "all-good", values("secret", "s", "cpu", "8", "tag", "xyz", "debug", "true",
                "extras", "[\"a\",\"b\"]", "region", "us"));
        assertThat(awaitBuild(member, ok.latestBuild().id()).job().error()).isEmpty();
    }

    @Test
    void monotonicAndImmutableParametersAreCheckedAgainstThePreviousBuild() {
        Workspace workspace = create(member, template, "growing", values("secret", "s", "cpu", "4", "disk", "20"));
        awaitBuild(member, workspace.latestBuild().id());
        rejected(() -> member.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.START)
                .withParameters(values("cpu", "3"))), "cpu", "parameter value must be equal or greater than previous value: 4");
        rejected(() -> member.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.START)
                .withParameters(values("disk", "30"))), "disk",
                "Parameter \"disk\" is not mutable, so it can't be updated after creating a workspace.");
        // The same value for an immutable parameter is fine, and a larger cpu too.
        WorkspaceBuild build = rebuild(workspace, WorkspaceTransition.START, values("disk", "20", "cpu", "5"));
        assertThat(buildValues(build)).containsEntry("cpu", "5").containsEntry("disk", "20");
    }

    @Test
    void aPresetsValuesWin() {
        TemplateVersion version = member.templateVersion(template.activeVersionId());
        Preset big = member.templateVersionPresets(version.id()).getFirst();
        Workspace workspace = member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "preset",
                values("secret", "s", "cpu", "3")).withPreset(big.id()));
        WorkspaceBuild build = awaitBuild(member, workspace.latestBuild().id());
        assertThat(buildValues(build)).containsEntry("cpu", "6").containsEntry("region", "us");
        assertThat(build.templateVersionPresetId()).isEqualTo(big.id());
        assertThatThrownBy(() -> member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "no-preset",
                values("secret", "s")).withPreset(java.util.UUID.randomUUID())))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void updatingToANewVersionAsksForItsNewRequiredParameters() {
        Template evolving = WorkspaceFixtures.template(owner, "evolving", WorkspaceFixtures.echo(
                List.of(parameter("size", "string", true, "s", false, Map.of())), ""));
        Workspace workspace = create(member, evolving, "evolve", List.of());
        awaitBuild(member, workspace.latestBuild().id());
        TemplateVersion next = WorkspaceFixtures.importVersion(owner, WorkspaceFixtures.echo(List.of(
                parameter("size", "string", true, "s", false, Map.of()),
                parameter("zone", "string", true, "", true, Map.of())), ""), evolving.id());
        owner.updateActiveTemplateVersion(evolving.id(), next.id());
        assertThat(member.workspace(workspace.id()).outdated()).isTrue();
        var update = CreateWorkspaceBuildRequest.of(WorkspaceTransition.START).withTemplateVersion(next.id());
        rejected(() -> member.createWorkspaceBuild(workspace.id(), update), "zone",
                "Parameter \"zone\" is required but not provided");
        WorkspaceBuild updated = awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                update.withParameters(values("zone", "z1"))).id());
        assertThat(updated.templateVersionId()).isEqualTo(next.id());
        assertThat(buildValues(updated)).containsEntry("size", "s").containsEntry("zone", "z1");
        assertThat(member.workspace(workspace.id()).outdated()).isFalse();
        // A stop keeps the version of the previous build.
        assertThat(rebuild(workspace, WorkspaceTransition.STOP, List.of()).templateVersionId()).isEqualTo(next.id());
    }
}
