package dev.jcoder.cli.tokens;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.ApiKey;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder tokens remove <name|id|token>}: deletes one of your tokens. */
@Command(name = "remove", aliases = {"delete", "rm"}, description = "Delete a token")
public final class TokensRemoveCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<name|id|token>", description = "The token's name, its ID, or the token itself.")
    String token;

    @Override
    public void run() {
        CoderClient client = global.client();
        String id = resolveId(client, token.strip());
        client.deleteApiKey("me", id);
        spec.commandLine().getOut().println("Token has been deleted.");
    }

    /** A name first (as Coder), then the ID part of a full token, then an ID. */
    private static String resolveId(CoderClient client, String value) {
        try {
            return client.tokenByName("me", value).id();
        } catch (CoderApiException e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        String id = value.length() == 33 && value.charAt(10) == '-' ? value.substring(0, 10) : value;
        ApiKey key = client.apiKey("me", id);
        return key.id();
    }
}
