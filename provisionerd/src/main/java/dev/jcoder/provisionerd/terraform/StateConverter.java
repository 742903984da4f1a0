package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.TemplateVersionParameterOption;
import dev.jcoder.codersdk.TemplateVersionParameterType;
import dev.jcoder.codersdk.ValidationMonotonicOrder;
import dev.jcoder.codersdk.WorkspaceAppOpenIn;
import dev.jcoder.codersdk.WorkspaceAppSharingLevel;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.AgentMetadataDefinition;
import dev.jcoder.codersdk.provisionerd.App;
import dev.jcoder.codersdk.provisionerd.DisplayApps;
import dev.jcoder.codersdk.provisionerd.PresetDefinition;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.ResourceMetadata;
import dev.jcoder.codersdk.provisionerd.Script;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns the modules of {@code terraform show -json} (a plan's prior state and planned values, or a
 * state) plus the dependency graph into Coder's view of a template, the way Coder's provisioner does:
 * <ul>
 *   <li>an agent belongs to the closest managed, non-{@code coder_} resource that depends on it
 *       (ties: the smallest address); an agent no such resource depends on is not shown;</li>
 *   <li>apps, scripts, {@code coder_env} and {@code coder_agent_instance} join the agent whose id
 *       their {@code agent_id} holds, or, while planning (ids unknown), the agent they refer to;</li>
 *   <li>{@code coder_metadata} joins the resource whose {@code id} its {@code resource_id} holds, or
 *       the resource it refers to;</li>
 *   <li>legacy {@code startup_script}/{@code shutdown_script} become scripts "Startup Script" and
 *       "Shutdown Script";</li>
 *   <li>count and for_each instances of a resource show as one resource.</li>
 * </ul>
 */
final class StateConverter {
    private static final Pattern INSTANCE_KEY = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern APP_SLUG = Pattern.compile("^[a-z0-9](-?[a-z0-9])*$");

    /** One resource instance of the state or plan. */
    private record Instance(String address, String label, String mode, String type, String name, JsonNode values) {
        boolean managed() {
            return mode.equals("managed");
        }

        boolean isData(String dataType) {
            return mode.equals("data") && type.equals(dataType);
        }

        boolean isManaged(String managedType) {
            return managed() && type.equals(managedType);
        }
    }

    private StateConverter() {}

    static TemplateResources convert(List<JsonNode> modules, DependencyGraph graph) throws InvalidTemplateException {
        Map<String, Instance> byAddress = new LinkedHashMap<>();
        for (JsonNode module : modules) {
            collect(module, byAddress);
        }
        List<Instance> instances = byAddress.values().stream().sorted(Comparator.comparing(Instance::address)).toList();
        return new StateConverter.Conversion(instances, graph).run();
    }

    private static void collect(JsonNode module, Map<String, Instance> into) {
        for (JsonNode resource : module.path("resources")) {
            String address = resource.path("address").asText();
            into.put(address, new Instance(address, INSTANCE_KEY.matcher(address).replaceAll(""),
                    resource.path("mode").asText(), resource.path("type").asText(), resource.path("name").asText(),
                    resource.path("values")));
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, into);
        }
    }

    /** The work of one conversion. */
    private static final class Conversion {
        private final List<Instance> instances;
        private final DependencyGraph graph;
        private final Set<String> resourceLabels = new HashSet<>();

        Conversion(List<Instance> instances, DependencyGraph graph) {
            this.instances = instances;
            this.graph = graph;
            for (Instance instance : instances) {
                if (instance.managed() && !instance.type().startsWith("coder_")) {
                    resourceLabels.add(instance.label());
                }
            }
        }

        TemplateResources run() throws InvalidTemplateException {
            Map<String, List<Agent>> agentsByResource = new HashMap<>();
            Set<String> agentNames = new HashSet<>();
            Set<String> appSlugs = new HashSet<>();
            for (Instance agent : instances) {
                if (!agent.isManaged("coder_agent")) {
                    continue;
                }
                Optional<String> resource = hostOf(agent);
                if (resource.isEmpty()) {
                    continue;
                }
                if (!agentNames.add(agent.name())) {
                    throw new InvalidTemplateException("duplicate agent name: " + agent.name());
                }
                agentsByResource.computeIfAbsent(resource.get(), key -> new ArrayList<>()).add(agent(agent, appSlugs));
            }

            List<Resource> resources = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Instance instance : instances) {
                if (!resourceLabels.contains(instance.label()) || !seen.add(instance.label())) {
                    continue;
                }
                List<Agent> agents = new ArrayList<>(agentsByResource.getOrDefault(instance.label(), List.of()));
                agents.sort(Comparator.comparing(Agent::name));
                resources.add(resource(instance, agents));
            }
            return new TemplateResources(resources, parameters(), presets(), workspaceTags(), externalAuth());
        }

        /** The closest resource depending on the agent. */
        private Optional<String> hostOf(Instance agent) {
            return graph.closestDependent(agent.label(), resourceLabels);
        }

        /** Whether {@code instance} is attached (through {@code attribute}) to {@code target}. */
        private boolean attached(Instance instance, String attribute, Instance target, String targetId) {
            String reference = text(instance.values(), attribute);
            if (!reference.isEmpty() && !targetId.isEmpty()) {
                return reference.equals(targetId);
            }
            return graph.dependsDirectly(instance.label(), target.label());
        }

        private Agent agent(Instance agent, Set<String> appSlugs) throws InvalidTemplateException {
            JsonNode values = agent.values();
            String id = text(values, "id");
            Map<String, String> environment = new LinkedHashMap<>();
            values.path("env").properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
            List<App> apps = new ArrayList<>();
            List<Script> scripts = new ArrayList<>(legacyScripts(values));
            String instanceId = "";
            for (Instance other : instances) {
                if (!other.managed() || !attached(other, "agent_id", agent, id)) {
                    continue;
                }
                switch (other.type()) {
                    case "coder_app" -> {
                        App app = app(other);
                        if (!appSlugs.add(app.slug())) {
                            throw new InvalidTemplateException(
                                    "duplicate app slug, they must be unique per template: \"" + app.slug() + "\"");
                        }
                        apps.add(app);
                    }
                    case "coder_script" -> scripts.add(script(other.values()));
                    case "coder_env" -> environment.put(text(other.values(), "name"), text(other.values(), "value"));
                    case "coder_agent_instance" -> instanceId = text(other.values(), "instance_id");
                    default -> {
                        // other resources that mention the agent are not part of it
                    }
                }
            }
            List<AgentMetadataDefinition> metadata = new ArrayList<>();
            for (JsonNode item : values.path("metadata")) {
                metadata.add(new AgentMetadataDefinition(text(item, "key"), text(item, "display_name"),
                        text(item, "script"), item.path("interval").asLong(), item.path("timeout").asLong(),
                        item.path("order").asInt()));
            }
            return new Agent(id.isEmpty() ? null : UUID.fromString(id), agent.name(), text(values, "os"),
                    text(values, "arch"), text(values, "dir"), environment, apps, values.path("connection_timeout").asInt(),
                    text(values, "troubleshooting_url"), text(values, "token"), scripts, metadata,
                    displayApps(values.path("display_apps")), values.path("order").asInt(), text(values, "motd_file"),
                    text(values, "auth"), instanceId, text(values, "init_script"));
        }

        private static List<Script> legacyScripts(JsonNode values) {
            List<Script> scripts = new ArrayList<>();
            String startup = text(values, "startup_script");
            if (!startup.isEmpty()) {
                scripts.add(new Script("Startup Script", "/emojis/25b6.png", startup, "",
                        text(values, "startup_script_behavior").equals("blocking"), true, false, 0,
                        "coder-startup-script.log"));
            }
            String shutdown = text(values, "shutdown_script");
            if (!shutdown.isEmpty()) {
                scripts.add(new Script("Shutdown Script", "/emojis/25c0.png", shutdown, "", false, false, true, 0,
                        "coder-shutdown-script.log"));
            }
            return scripts;
        }

        private static Script script(JsonNode values) {
            return new Script(text(values, "display_name"), text(values, "icon"), text(values, "script"),
                    text(values, "cron"), values.path("start_blocks_login").asBoolean(),
                    values.path("run_on_start").asBoolean(), values.path("run_on_stop").asBoolean(),
                    values.path("timeout").asInt(), text(values, "log_path"));
        }

        private static App app(Instance instance) throws InvalidTemplateException {
            JsonNode values = instance.values();
            String slug = text(values, "slug");
            if (slug.isEmpty()) {
                slug = instance.name();
            }
            if (!APP_SLUG.matcher(slug).matches()) {
                throw new InvalidTemplateException("app slug \"" + slug + "\" does not match regex \"" + APP_SLUG.pattern()
                        + "\"");
            }
            JsonNode check = values.path("healthcheck").path(0);
            Healthcheck healthcheck = check.isMissingNode() ? null
                    : new Healthcheck(text(check, "url"), check.path("interval").asInt(), check.path("threshold").asInt());
            String share = text(values, "share");
            String openIn = text(values, "open_in");
            return new App(slug, text(values, "display_name"), text(values, "command"), text(values, "url"),
                    text(values, "icon"), values.path("subdomain").asBoolean(),
                    share.isEmpty() ? null : WorkspaceAppSharingLevel.fromValue(share), healthcheck,
                    values.path("external").asBoolean(), values.path("hidden").asBoolean(),
                    openIn.isEmpty() ? null : WorkspaceAppOpenIn.fromValue(openIn));
        }

        private static DisplayApps displayApps(JsonNode block) {
            JsonNode apps = block.path(0);
            if (!apps.isObject()) {
                return DisplayApps.defaults();
            }
            return new DisplayApps(apps.path("vscode").asBoolean(true), apps.path("vscode_insiders").asBoolean(false),
                    apps.path("web_terminal").asBoolean(true), apps.path("ssh_helper").asBoolean(true),
                    apps.path("port_forwarding_helper").asBoolean(true));
        }

        private Resource resource(Instance instance, List<Agent> agents) {
            boolean hide = false;
            String icon = "";
            int dailyCost = 0;
            List<ResourceMetadata> items = new ArrayList<>();
            for (Instance metadata : instances) {
                if (!metadata.isManaged("coder_metadata") || !metadataOf(metadata, instance)) {
                    continue;
                }
                JsonNode values = metadata.values();
                hide = values.path("hide").asBoolean();
                icon = text(values, "icon");
                dailyCost = values.path("daily_cost").asInt();
                for (JsonNode item : values.path("item")) {
                    boolean isNull = item.path("is_null").asBoolean();
                    items.add(new ResourceMetadata(text(item, "key"), isNull ? "" : text(item, "value"),
                            item.path("sensitive").asBoolean()));
                }
            }
            return new Resource(instance.name(), instance.type(), hide, icon, dailyCost, agents, items);
        }

        private boolean metadataOf(Instance metadata, Instance resource) {
            String target = text(metadata.values(), "resource_id");
            if (!target.isEmpty()) {
                return instances.stream().anyMatch(candidate -> candidate.label().equals(resource.label())
                        && target.equals(text(candidate.values(), "id")));
            }
            return graph.dependsDirectly(metadata.label(), resource.label());
        }

        private List<TemplateVersionParameter> parameters() throws InvalidTemplateException {
            List<TemplateVersionParameter> parameters = new ArrayList<>();
            List<Integer> orders = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Instance instance : instances) {
                if (!instance.isData("coder_parameter")) {
                    continue;
                }
                JsonNode values = instance.values();
                String name = text(values, "name");
                if (!names.add(name)) {
                    throw new InvalidTemplateException(
                            "coder_parameter names must be unique but \"" + name + "\" appears multiple times");
                }
                List<TemplateVersionParameterOption> options = new ArrayList<>();
                for (JsonNode option : values.path("option")) {
                    options.add(new TemplateVersionParameterOption(text(option, "name"), text(option, "description"),
                            text(option, "value"), text(option, "icon")));
                }
                JsonNode validation = values.path("validation").path(0);
                Integer min = null;
                Integer max = null;
                String monotonic = "";
                if (validation.isObject()) {
                    if (!validation.path("min_disabled").asBoolean(true) && validation.hasNonNull("min")) {
                        min = validation.path("min").asInt();
                    }
                    if (!validation.path("max_disabled").asBoolean(true) && validation.hasNonNull("max")) {
                        max = validation.path("max").asInt();
                    }
                    monotonic = text(validation, "monotonic");
                }
                String description = text(values, "description");
                parameters.add(new TemplateVersionParameter(name, text(values, "display_name"), description, description,
                        TemplateVersionParameterType.fromValue(text(values, "type").isEmpty() ? "string"
                                : text(values, "type")),
                        values.path("mutable").asBoolean(), text(values, "default"), text(values, "icon"), options,
                        text(validation, "error"), text(validation, "regex"), min, max,
                        monotonic.isEmpty() ? null : ValidationMonotonicOrder.valueOf(monotonic.toUpperCase()),
                        !values.path("optional").asBoolean(), values.path("ephemeral").asBoolean()));
                orders.add(values.path("order").asInt());
            }
            // Coder lists parameters by their "order", keeping address order among equals.
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                positions.add(i);
            }
            positions.sort(Comparator.comparing(orders::get));
            return positions.stream().map(parameters::get).toList();
        }

        private List<PresetDefinition> presets() {
            List<PresetDefinition> presets = new ArrayList<>();
            for (Instance instance : instances) {
                if (instance.isData("coder_workspace_preset")) {
                    Map<String, String> parameters = new LinkedHashMap<>();
                    instance.values().path("parameters").properties()
                            .forEach(entry -> parameters.put(entry.getKey(), entry.getValue().asText()));
                    presets.add(new PresetDefinition(text(instance.values(), "name"), parameters,
                            instance.values().path("default").asBoolean()));
                }
            }
            return presets;
        }

        private Map<String, String> workspaceTags() {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Instance instance : instances) {
                if (instance.isData("coder_workspace_tags")) {
                    instance.values().path("tags").properties()
                            .forEach(entry -> tags.put(entry.getKey(), entry.getValue().asText()));
                }
            }
            return tags;
        }

        private List<TemplateResources.ExternalAuthProvider> externalAuth() {
            List<TemplateResources.ExternalAuthProvider> providers = new ArrayList<>();
            for (Instance instance : instances) {
                if (instance.isData("coder_external_auth")) {
                    providers.add(new TemplateResources.ExternalAuthProvider(text(instance.values(), "id"),
                            instance.values().path("optional").asBoolean()));
                }
            }
            return providers;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
