package dev.jcoder.cli.tokens;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.CreateTokenRequest;
import dev.jcoder.codersdk.GenerateApiKeyResponse;
import dev.jcoder.codersdk.GoDuration;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coder tokens create}: prints only the new token, so scripts can capture it. */
@Command(name = "create", sortOptions = false, description = "Create a token")
public final class TokensCreateCommand implements Runnable, HasOutput {
    private static final Pattern YEARS = Pattern.compile("(\\d+)y");

    static final Output<GenerateApiKeyResponse> OUTPUT = Output.text(GenerateApiKeyResponse::key);

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Option(names = "--lifetime", paramLabel = "<string>", defaultValue = "${env:CODER_TOKEN_LIFETIME}",
            description = "Duration for the token lifetime. Supports standard Go duration units (ns, us, ms, s, m, h) plus d (days) "
                    + "and y (years). Examples: 8h, 30d, 1y, 1d12h30m. Default: the deployment's default token lifetime. Env: $CODER_TOKEN_LIFETIME.")
    String lifetime;

    @Option(names = {"-n", "--name"}, paramLabel = "<string>", defaultValue = "${env:CODER_TOKEN_NAME}",
            description = "Specify a human-readable name. Env: $CODER_TOKEN_NAME.")
    String name;

    @Option(names = {"-u", "--user"}, paramLabel = "<string>", defaultValue = "${env:CODER_TOKEN_USER}",
            description = "Specify the user to create the token for (Only works if logged in user is admin). Env: $CODER_TOKEN_USER.")
    String user;

    @Override
    public void run() {
        Duration duration = lifetime == null || lifetime.isBlank() ? Duration.ZERO : parseLifetime(lifetime);
        GenerateApiKeyResponse token = global.client().createToken(user == null || user.isBlank() ? "me" : user.strip(),
                new CreateTokenRequest(duration.toNanos(), ApiKeyScope.ALL, name == null ? "" : name.strip()));
        output.print(spec.commandLine().getOut(), OUTPUT, token);
    }

    /** Go durations plus {@code d} for days and {@code y} for 365 days, as Coder's flag takes them. */
    static Duration parseLifetime(String text) {
        Matcher years = YEARS.matcher(text.strip());
        StringBuilder rewritten = new StringBuilder();
        while (years.find()) {
            years.appendReplacement(rewritten, Long.parseLong(years.group(1)) * 365 + "d");
        }
        years.appendTail(rewritten);
        try {
            Duration duration = GoDuration.parse(rewritten.toString());
            if (duration.isNegative() || duration.isZero()) {
                throw new CliException("The token lifetime must be positive, got \"" + text + "\".");
            }
            return duration;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CliException("Invalid lifetime \"" + text + "\": use e.g. 8h, 30d, 1y, 1d12h30m.", e);
        }
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
