package dev.jcoder.cli.auth;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.Terminal;
import dev.jcoder.cli.config.ConfigDirectory;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.User;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder login [<url>]}: creates the first user on a new deployment, otherwise signs in with
 * a token (flag, environment or pasted from {@code /cli-auth}) or an email and password; saves the
 * URL and session in the config directory.
 */
@Command(name = "login", sortOptions = false, description = "Authenticate with Coder deployment")
public final class LoginCommand implements Runnable {
    /** {@code <10-character id>-<22-character secret>}, as the server issues them. */
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9]{10}-[a-zA-Z0-9]{22}");

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<url>",
            description = "The deployment's URL (default: --url, $CODER_URL or the saved one). Without a scheme, http:// is used.")
    String url;

    @Option(names = "--first-user-email", paramLabel = "<string>", defaultValue = "${env:CODER_FIRST_USER_EMAIL}",
            description = "Specifies an email address to use if creating the first user for the deployment. Env: $CODER_FIRST_USER_EMAIL.")
    String firstUserEmail;

    @Option(names = "--first-user-username", paramLabel = "<string>", defaultValue = "${env:CODER_FIRST_USER_USERNAME}",
            description = "Specifies a username to use if creating the first user for the deployment. Env: $CODER_FIRST_USER_USERNAME.")
    String firstUserUsername;

    @Option(names = "--first-user-full-name", paramLabel = "<string>", defaultValue = "${env:CODER_FIRST_USER_FULL_NAME}",
            description = "Specifies a human-readable name for the first user of the deployment. Env: $CODER_FIRST_USER_FULL_NAME.")
    String firstUserFullName;

    @Option(names = "--first-user-password", paramLabel = "<string>", defaultValue = "${env:CODER_FIRST_USER_PASSWORD}",
            description = "Specifies a password to use if creating the first user for the deployment. Env: $CODER_FIRST_USER_PASSWORD.")
    String firstUserPassword;

    @Option(names = "--first-user-trial", arity = "0..1", paramLabel = "<bool>", fallbackValue = "true",
            defaultValue = "${env:CODER_FIRST_USER_TRIAL:-false}",
            description = "Specifies whether a trial license should be provisioned for the Coder deployment or not. Env: $CODER_FIRST_USER_TRIAL.")
    boolean firstUserTrial;

    @Option(names = "--use-token-as-session",
            description = "By default, the CLI will generate a new session token when logging in. This flag will instead use the provided token as the session token.")
    boolean useTokenAsSession;

    @Option(names = {"-e", "--email"}, paramLabel = "<string>", defaultValue = "${env:CODER_EMAIL}",
            description = "Sign in to an existing deployment with this email address (asks for the password). Env: $CODER_EMAIL.")
    String email;

    @Option(names = {"-p", "--password"}, paramLabel = "<string>", defaultValue = "${env:CODER_PASSWORD}",
            description = "The password to sign in with. Setting $CODER_PASSWORD is preferred. Env: $CODER_PASSWORD.")
    String password;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = RootCommand.terminal(spec);
        URI deployment = deploymentUrl();
        CoderClient client = new CoderClient(deployment);
        boolean hasFirstUser;
        try {
            hasFirstUser = client.hasFirstUser();
        } catch (UncheckedIOException | CoderApiException e) {
            throw new CliException("Failed to check server \"" + deployment + "\" for first user, is the URL correct and is "
                    + "coder accessible from your browser? Error - has initial user: " + reason(e), e);
        }
        if (!hasFirstUser) {
            createFirstUser(out, terminal, client, deployment);
            return;
        }
        String session = existingDeploymentSession(out, terminal, client, deployment);
        User me = client.withToken(session).user("me");
        save(deployment, session);
        out.println(Style.bold("> ") + "Welcome to Coder, " + Style.bold(me.username()) + "! You're authenticated.");
    }

    private URI deploymentUrl() {
        if (url != null && !url.isBlank()) {
            return ConfigDirectory.normalizeUrl(url);
        }
        return global.deploymentUrl().orElseThrow(() -> new CliException(
                "Which deployment? Run 'coder login <url>', e.g. 'coder login http://127.0.0.1:3000'."));
    }

    private void createFirstUser(PrintWriter out, Terminal terminal, CoderClient client, URI deployment) {
        out.println(Style.bold("> ") + "Your Coder deployment hasn't been set up!");
        String username = present(firstUserUsername).orElse("");
        if (username.isEmpty()) {
            if (terminal.interactive() && !terminal.confirm(out, "Would you like to create the first user?")) {
                return;
            }
            username = terminal.prompt(out, "What " + Style.bold("username") + " would you like?",
                    System.getProperty("user.name", ""));
        }
        String address = present(firstUserEmail).orElse("");
        while (address.isEmpty() || !address.contains("@")) {
            if (!address.isEmpty()) {
                out.println(Style.error("That's not a valid email address!"));
            }
            address = terminal.prompt(out, "What's your " + Style.bold("email") + "?");
        }
        String secret = present(firstUserPassword).orElse("");
        while (secret.isEmpty()) {
            secret = terminal.promptSecret(out, "Enter a " + Style.bold("password") + ":");
            if (secret.isEmpty()) {
                out.println(Style.error("The password must not be empty."));
                continue;
            }
            String confirmation = terminal.promptSecret(out, "Confirm " + Style.bold("password") + ":");
            if (!confirmation.equals(secret)) {
                out.println(Style.error("Passwords do not match"));
                secret = "";
            }
        }
        String fullName = firstUserFullName;
        if (fullName == null) {
            fullName = firstUserUsername == null || firstUserEmail == null || firstUserPassword == null
                    ? terminal.prompt(out, "What's your " + Style.bold("full name") + "? (optional)") : "";
        }
        client.createFirstUser(new CreateFirstUserRequest(address, username, fullName.strip(), secret, firstUserTrial, null));
        String session = client.login(address, secret).sessionToken();
        User me = client.withToken(session).user("me");
        save(deployment, session);
        out.println("Welcome to Coder, " + Style.bold(me.username()) + "! You're authenticated.");
        out.println("Get started by creating a template: " + Style.bold("coder templates init"));
    }

    /** The session to save for a deployment that has users: from a token, a pasted token, or a password login. */
    private String existingDeploymentSession(PrintWriter out, Terminal terminal, CoderClient client, URI deployment) {
        Optional<String> token = global.explicitToken().map(String::strip);
        if (token.isPresent()) {
            if (useTokenAsSession) {
                return token.get();
            }
            // The --token flag authenticates this one command; the saved session is a new key, so that
            // `coder logout` does not delete the token the user passed.
            return client.withToken(token.get()).createApiKey("me").key();
        }
        if (present(email).isPresent() || present(password).isPresent()) {
            String address = present(email).orElseGet(() -> terminal.prompt(out, "What's your " + Style.bold("email") + "?"));
            return passwordLogin(out, terminal, client, address);
        }
        out.println("Open the following in your browser:");
        out.println();
        out.println("\t" + deployment + "/cli-auth");
        out.println();
        String answer = terminal.prompt(out, "Paste your token here (or enter your email to sign in with a password):");
        if (TOKEN.matcher(answer).matches()) {
            try {
                client.withToken(answer).user("me");
            } catch (CoderApiException e) {
                throw new CliException("That's not a valid token!", e);
            }
            return answer;
        }
        if (!answer.contains("@")) {
            throw new CliException("That's not a valid token!");
        }
        return passwordLogin(out, terminal, client, answer);
    }

    private String passwordLogin(PrintWriter out, Terminal terminal, CoderClient client, String address) {
        String secret = present(password).orElseGet(() -> terminal.promptSecret(out, "Enter your " + Style.bold("password") + ":"));
        return client.login(address, secret).sessionToken();
    }

    private void save(URI deployment, String session) {
        ConfigDirectory config = global.configDirectory();
        config.saveSessionToken(session);
        config.saveUrl(deployment);
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static String reason(RuntimeException e) {
        if (e instanceof CoderApiException api) {
            return api.getMessage();
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
