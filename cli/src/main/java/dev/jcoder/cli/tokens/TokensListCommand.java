package dev.jcoder.cli.tokens;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.Column;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.ApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coder tokens list}: your tokens, or with {@code --all} everyone's (owners only). */
@Command(name = "list", aliases = "ls", description = "List tokens")
public final class TokensListCommand implements Runnable, HasOutput {
    static final Output<ApiKey> OUTPUT = Output.table(List.of(
            new Column<ApiKey>("id", ApiKey::id),
            new Column<ApiKey>("name", ApiKey::tokenName),
            new Column<ApiKey>("scope", key -> key.scope() == null ? "" : key.scope().value()),
            new Column<ApiKey>("last used", key -> key.lastUsed() == null || key.lastUsed().equals(Instant.EPOCH)
                    || key.lastUsed().getEpochSecond() <= 0 ? "never" : key.lastUsed()),
            new Column<ApiKey>("expires at", ApiKey::expiresAt),
            new Column<ApiKey>("created at", ApiKey::createdAt),
            new Column<ApiKey>("owner", ApiKey::username)),
            "id", "name", "last used", "expires at", "created at");

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"},
            description = "Specifies whether all users' tokens will be listed or not (must have Owner role to see all tokens).")
    boolean all;

    @Option(names = "--include-expired", description = "Include expired tokens in the output. By default, expired tokens are hidden.")
    boolean includeExpired;

    @Override
    public void run() {
        Instant now = Instant.now();
        List<ApiKey> tokens = global.client().tokens("me", all).stream()
                .filter(key -> includeExpired || key.expiresAt() == null || key.expiresAt().isAfter(now))
                .toList();
        if (all && !output.columnsChosen()) {
            List<String> columns = new ArrayList<>(OUTPUT.defaultColumns());
            columns.add("owner");
            output.print(spec.commandLine().getOut(), OUTPUT, tokens, columns);
            return;
        }
        output.print(spec.commandLine().getOut(), OUTPUT, tokens);
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
