package dev.jcoder.cli.auth;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.SlimRole;
import dev.jcoder.codersdk.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder whoami}: the deployment and the user the CLI is signed in as. */
@Command(name = "whoami", description = "Fetch authenticated user info for Coder deployment")
public final class WhoamiCommand implements Runnable, HasOutput {
    /** One row of {@code whoami}, with Coder's JSON names. */
    public record Row(String url, String username, String userId, List<String> organizationIds, Map<String, List<String>> roles) {
        static Row of(String url, User user) {
            Map<String, List<String>> roles = new LinkedHashMap<>();
            for (SlimRole role : user.roles()) {
                String organization = role.organizationId().isEmpty() ? "*" : role.organizationId();
                roles.computeIfAbsent(organization, key -> new ArrayList<>()).add(role.displayName());
            }
            return new Row(url, user.username(), user.id().toString(),
                    user.organizationIds().stream().map(UUID::toString).toList(), roles);
        }
    }

    static final Output<Row> OUTPUT = Output.<Row>text(row -> Style.bold("> ") + "Coder is running at " + Style.bold(row.url())
                    + ", You're authenticated as " + Style.bold(row.username()) + " !")
            .withJsonArray()
            .withTable(List.of(
                    new Column<>("url", Row::url),
                    new Column<>("username", Row::username),
                    new Column<>("id", Row::userId),
                    new Column<>("orgs", Row::organizationIds),
                    new Column<>("roles", row -> row.roles().entrySet().stream()
                            .flatMap(entry -> entry.getValue().stream().map(role -> entry.getKey() + ":" + role)).toList())),
                    "url", "username", "id");

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CoderClient client = global.client();
        User me = client.user("me");
        output.print(spec.commandLine().getOut(), OUTPUT, Row.of(client.baseUrl().toString(), me));
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
