package dev.jcoder.provisionerd.echo;

import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.provisionerd.JobFailedException;
import dev.jcoder.provisionerd.JobSession;
import dev.jcoder.provisionerd.Provisioner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** The echo provisioner: replays {@link EchoResponses} from the archive. */
public final class EchoProvisioner implements Provisioner {

    @Override
    public JobResult run(AcquiredJob job, Path workDirectory, JobSession session)
            throws JobFailedException, InterruptedException {
        EchoResponses responses = read(workDirectory);
        CountDownLatch canceled = new CountDownLatch(1);
        session.onCancel(canceled::countDown);
        return switch (job.payload()) {
            case JobPayload.TemplateImport importJob -> {
                replay(responses, session, canceled);
                String readme = readme(workDirectory);
                List<VariableValue> values = session.reportVariables(responses.variables(), readme);
                Set<String> given = values.stream().map(VariableValue::name).collect(Collectors.toSet());
                List<String> missing = responses.variables().stream().filter(TemplateVariable::required)
                        .map(TemplateVariable::name).filter(name -> !given.contains(name)).toList();
                if (!missing.isEmpty()) {
                    throw new JobFailedException("Required variables are not set: " + String.join(", ", missing) + ".",
                            FailedJob.REQUIRED_TEMPLATE_VARIABLES);
                }
                fail(responses);
                yield new JobResult.TemplateImport(responses.resources(), responses.stopResources(), responses.parameters(),
                        responses.presets(), List.of(), Map.of());
            }
            case JobPayload.WorkspaceBuild build -> {
                EchoResponses phase = responses.build() != null ? responses.build() : responses;
                replay(phase, session, canceled);
                fail(phase);
                boolean stopping = build.metadata() != null
                        && build.metadata().workspaceTransition() != WorkspaceTransition.START;
                byte[] state = phase.state().isEmpty() ? build.state() : phase.state().getBytes(StandardCharsets.UTF_8);
                yield new JobResult.WorkspaceBuild(state,
                        withAgentCredentials(stopping ? phase.stopResources() : phase.resources()), List.of());
            }
            case JobPayload.TemplateDryRun dryRun -> {
                replay(responses, session, canceled);
                fail(responses);
                yield new JobResult.TemplateDryRun(responses.resources());
            }
        };
    }

    private static void replay(EchoResponses responses, JobSession session, CountDownLatch canceled)
            throws InterruptedException, JobFailedException {
        for (EchoResponses.EchoLog line : responses.logs()) {
            if (responses.logDelayMs() > 0 && canceled.await(responses.logDelayMs(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new JobFailedException("canceled");
            }
            if (session.canceled()) {
                throw new JobFailedException("canceled");
            }
            session.log(line.level(), line.stage(), line.output());
        }
        if (responses.waitForCancel()) {
            canceled.await();
            throw new JobFailedException("canceled");
        }
    }

    private static void fail(EchoResponses responses) throws JobFailedException {
        if (!responses.error().isEmpty()) {
            throw new JobFailedException(responses.error(), responses.errorCode());
        }
    }

    static EchoResponses read(Path workDirectory) throws JobFailedException {
        Path file = workDirectory.resolve(EchoResponses.FILE);
        if (!Files.isRegularFile(file)) {
            return EchoResponses.empty();
        }
        try {
            return Json.mapper().readValue(file.toFile(), EchoResponses.class);
        } catch (IOException e) {
            throw new JobFailedException("The echo provisioner cannot read " + EchoResponses.FILE + ": " + e.getMessage());
        }
    }

    private static String readme(Path workDirectory) {
        Path file = workDirectory.resolve("README.md");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Gives every built agent an id and an auth token when {@code echo.json} names none, as the
     * Terraform provider does for each {@code coder_agent}; tests that need to act as the agent
     * set {@code "auth_token"} themselves.
     */
    private static List<Resource> withAgentCredentials(List<Resource> resources) {
        return resources.stream().map(resource -> new Resource(resource.name(), resource.type(), resource.hide(),
                resource.icon(), resource.dailyCost(), resource.agents().stream().map(agent -> new Agent(
                        agent.id() != null ? agent.id() : UUID.randomUUID(), agent.name(), agent.operatingSystem(),
                        agent.architecture(), agent.directory(), agent.environmentVariables(), agent.apps(),
                        agent.connectionTimeoutSeconds(), agent.troubleshootingUrl(),
                        agent.authToken().isEmpty() ? UUID.randomUUID().toString() : agent.authToken(), agent.scripts(),
                        agent.metadata(), agent.displayApps(), agent.order(), agent.motdFile(), agent.authType(),
                        agent.instanceId(), agent.initScript())).toList(), resource.metadata())).toList();
    }
}
