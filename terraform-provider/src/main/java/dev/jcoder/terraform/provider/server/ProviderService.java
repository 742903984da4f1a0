package dev.jcoder.terraform.provider.server;

import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.CoderProvider;
import dev.jcoder.terraform.provider.DataSource;
import dev.jcoder.terraform.provider.ManagedResource;
import dev.jcoder.terraform.provider.ProviderContext;
import dev.jcoder.terraform.provider.cty.CtyType;
import dev.jcoder.terraform.provider.cty.JsonStateCodec;
import dev.jcoder.terraform.provider.cty.Value;
import dev.jcoder.terraform.provider.cty.Value.ObjectValue;
import dev.jcoder.terraform.provider.protocol.tfplugin6.ProviderGrpc;
import dev.jcoder.terraform.provider.protocol.tfplugin6.Tfplugin6;
import dev.jcoder.terraform.provider.schema.Diagnostic;
import dev.jcoder.terraform.provider.schema.Diagnostics;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The tfplugin6 Provider service for one build. Holds that build's environment and the provider
 * configuration Terraform sends with ConfigureProvider.
 */
public final class ProviderService extends ProviderGrpc.ProviderImplBase {

  /** Schemas are constants; identity keys avoid hashing a whole schema tree on every RPC. */
  private static final Map<Schema, CtyType> TYPES = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
  private static volatile Tfplugin6.GetProviderSchema.Response schemaResponse;

  private final CoderProvider provider = CoderProvider.instance();
  private final BuildEnvironment environment;
  private final AtomicReference<ProviderContext> context;

  public ProviderService(BuildEnvironment environment) {
    this.environment = Objects.requireNonNull(environment);
    this.context = new AtomicReference<>(ProviderContext.unconfigured(environment));
  }

  private static CtyType type(Schema schema) {
    return TYPES.computeIfAbsent(schema, Schema::type);
  }

  private static Tfplugin6.ServerCapabilities capabilities() {
    // Later provider instances in one command may reuse the schema instead of asking again.
    return Tfplugin6.ServerCapabilities.newBuilder().setGetProviderSchemaOptional(true).build();
  }

  @Override
  public void getMetadata(Tfplugin6.GetMetadata.Request request, StreamObserver<Tfplugin6.GetMetadata.Response> out) {
    var response = Tfplugin6.GetMetadata.Response.newBuilder().setServerCapabilities(capabilities());
    provider.resources().keySet().forEach(name ->
        response.addResources(Tfplugin6.GetMetadata.ResourceMetadata.newBuilder().setTypeName(name)));
    provider.dataSources().keySet().forEach(name ->
        response.addDataSources(Tfplugin6.GetMetadata.DataSourceMetadata.newBuilder().setTypeName(name)));
    reply(out, response.build());
  }

  @Override
  public void getProviderSchema(
      Tfplugin6.GetProviderSchema.Request request, StreamObserver<Tfplugin6.GetProviderSchema.Response> out) {
    reply(out, providerSchemaResponse());
  }

  /** Built once per JVM: the schema never changes and every hosted build asks for it. */
  static Tfplugin6.GetProviderSchema.Response providerSchemaResponse() {
    var cached = schemaResponse;
    if (cached == null) {
      CoderProvider provider = CoderProvider.instance();
      var response = Tfplugin6.GetProviderSchema.Response.newBuilder()
          .setProvider(ProtoMapping.schema(provider.providerSchema()))
          .setServerCapabilities(capabilities());
      provider.resources().forEach((name, r) -> response.putResourceSchemas(name, ProtoMapping.schema(r.schema())));
      provider.dataSources().forEach((name, d) -> response.putDataSourceSchemas(name, ProtoMapping.schema(d.schema())));
      cached = response.build();
      schemaResponse = cached;
    }
    return cached;
  }

  @Override
  public void validateProviderConfig(
      Tfplugin6.ValidateProviderConfig.Request request, StreamObserver<Tfplugin6.ValidateProviderConfig.Response> out) {
    List<Diagnostic> diagnostics = guarded(() -> {
      Diagnostics collected = new Diagnostics();
      Schema schema = provider.providerSchema();
      if (ProtoMapping.decode(type(schema), request.getConfig()) instanceof ObjectValue config) {
        ConfigValidator.validate(schema.block(), config, collected);
      }
      return collected.toList();
    });
    reply(out, Tfplugin6.ValidateProviderConfig.Response.newBuilder()
        .addAllDiagnostics(ProtoMapping.diagnostics(diagnostics)).build());
  }

  @Override
  public void validateResourceConfig(
      Tfplugin6.ValidateResourceConfig.Request request, StreamObserver<Tfplugin6.ValidateResourceConfig.Response> out) {
    List<Diagnostic> diagnostics = guarded(() -> validate(
        provider.resource(request.getTypeName()).map(ManagedResource::schema), request.getTypeName(),
        request.getConfig()));
    reply(out, Tfplugin6.ValidateResourceConfig.Response.newBuilder()
        .addAllDiagnostics(ProtoMapping.diagnostics(diagnostics)).build());
  }

  @Override
  public void validateDataResourceConfig(Tfplugin6.ValidateDataResourceConfig.Request request,
      StreamObserver<Tfplugin6.ValidateDataResourceConfig.Response> out) {
    List<Diagnostic> diagnostics = guarded(() -> validate(
        provider.dataSource(request.getTypeName()).map(DataSource::schema), request.getTypeName(),
        request.getConfig()));
    reply(out, Tfplugin6.ValidateDataResourceConfig.Response.newBuilder()
        .addAllDiagnostics(ProtoMapping.diagnostics(diagnostics)).build());
  }

  private static List<Diagnostic> validate(Optional<Schema> schema, String typeName, Tfplugin6.DynamicValue config) {
    if (schema.isEmpty()) {
      return List.of(unknownType(typeName));
    }
    Diagnostics diagnostics = new Diagnostics();
    if (ProtoMapping.decode(type(schema.get()), config) instanceof ObjectValue object) {
      ConfigValidator.validate(schema.get().block(), object, diagnostics);
    }
    return diagnostics.toList();
  }

  @Override
  public void upgradeResourceState(
      Tfplugin6.UpgradeResourceState.Request request, StreamObserver<Tfplugin6.UpgradeResourceState.Response> out) {
    var response = Tfplugin6.UpgradeResourceState.Response.newBuilder();
    try {
      Optional<ManagedResource> resource = provider.resource(request.getTypeName());
      if (resource.isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(unknownType(request.getTypeName()))));
      } else if (request.getRawState().getJson().isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(
            Diagnostic.error("Unsupported state format", "Legacy flatmap state cannot be upgraded by this provider."))));
      } else {
        // Every version (0 and 1) upgrades the same way: drop unknown keys, fill the rest (reference §0).
        Schema schema = resource.get().schema();
        byte[] json = request.getRawState().getJson().toByteArray();
        Value state = JsonStateCodec.decode(type(schema), json);
        Value upgraded = state instanceof ObjectValue object
            ? StateShaper.upgradedState(schema.block(), object, JsonStateCodec.topLevelKeys(json))
            : state;
        response.setUpgradedState(ProtoMapping.encode(type(schema), upgraded));
      }
    } catch (RuntimeException e) {
      response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(internal(e))));
    }
    reply(out, response.build());
  }

  @Override
  public void configureProvider(
      Tfplugin6.ConfigureProvider.Request request, StreamObserver<Tfplugin6.ConfigureProvider.Response> out) {
    List<Diagnostic> diagnostics = guarded(() -> {
      Schema schema = provider.providerSchema();
      Value config = ProtoMapping.decode(type(schema), request.getConfig());
      Value configured = config instanceof ObjectValue object ? object.get("url") : Value.NULL;
      String url = configured.asString().orElseGet(() -> environment.getOrDefault("CODER_AGENT_URL", ProviderContext.DEFAULT_URL));
      if (url.isEmpty()) {
        return List.of(Diagnostic.error("CODER_AGENT_URL must not be empty; got \"\""));
      }
      Optional<String> error = Validators.GoUrl.parseError(url);
      if (error.isPresent()) {
        return List.of(Diagnostic.error(error.get()));
      }
      context.set(new ProviderContext(environment, url));
      return List.of();
    });
    reply(out, Tfplugin6.ConfigureProvider.Response.newBuilder()
        .addAllDiagnostics(ProtoMapping.diagnostics(diagnostics)).build());
  }

  @Override
  public void readResource(Tfplugin6.ReadResource.Request request, StreamObserver<Tfplugin6.ReadResource.Response> out) {
    var response = Tfplugin6.ReadResource.Response.newBuilder().setPrivate(request.getPrivate());
    try {
      Optional<ManagedResource> resource = provider.resource(request.getTypeName());
      if (resource.isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(unknownType(request.getTypeName()))));
      } else {
        CtyType type = type(resource.get().schema());
        Value state = ProtoMapping.decode(type, request.getCurrentState());
        Value read = state instanceof ObjectValue object ? resource.get().read(object, context.get()) : state;
        response.setNewState(ProtoMapping.encode(type, read));
      }
    } catch (RuntimeException e) {
      response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(internal(e))));
    }
    reply(out, response.build());
  }

  @Override
  public void planResourceChange(
      Tfplugin6.PlanResourceChange.Request request, StreamObserver<Tfplugin6.PlanResourceChange.Response> out) {
    var response = Tfplugin6.PlanResourceChange.Response.newBuilder().setLegacyTypeSystem(true);
    try {
      Optional<ManagedResource> resource = provider.resource(request.getTypeName());
      if (resource.isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(unknownType(request.getTypeName()))));
      } else {
        Schema schema = resource.get().schema();
        CtyType type = type(schema);
        Value proposed = ProtoMapping.decode(type, request.getProposedNewState());
        if (!(proposed instanceof ObjectValue) || !(ProtoMapping.decode(type, request.getConfig()) instanceof ObjectValue config)) {
          // Destroy: nothing to plan.
          response.setPlannedState(ProtoMapping.encode(type, Value.NULL));
        } else {
          Optional<ObjectValue> prior = ProtoMapping.decode(type, request.getPriorState()) instanceof ObjectValue p
              ? Optional.of(p) : Optional.empty();
          Planner.Plan plan = Planner.plan(schema.block(), prior, config);
          response.setPlannedState(ProtoMapping.encode(type, plan.planned()));
          plan.requiresReplace().forEach(p -> response.addRequiresReplace(ProtoMapping.path(p)));
          if (prior.isEmpty() || !plan.requiresReplace().isEmpty()) {
            response.addAllDiagnostics(ProtoMapping.diagnostics(resource.get().checkPlan(plan.planned())));
          }
        }
      }
    } catch (RuntimeException e) {
      response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(internal(e))));
    }
    reply(out, response.build());
  }

  @Override
  public void applyResourceChange(
      Tfplugin6.ApplyResourceChange.Request request, StreamObserver<Tfplugin6.ApplyResourceChange.Response> out) {
    var response = Tfplugin6.ApplyResourceChange.Response.newBuilder().setLegacyTypeSystem(true);
    try {
      Optional<ManagedResource> resource = provider.resource(request.getTypeName());
      if (resource.isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(unknownType(request.getTypeName()))));
      } else {
        Schema schema = resource.get().schema();
        CtyType type = type(schema);
        Value planned = ProtoMapping.decode(type, request.getPlannedState());
        if (!(planned instanceof ObjectValue plannedObject)) {
          // Delete is a no-op for every coder resource: the instance just leaves the state.
          response.setNewState(ProtoMapping.encode(type, Value.NULL));
        } else {
          Diagnostics diagnostics = new Diagnostics();
          ObjectValue created = resource.get().create(plannedObject, context.get(), diagnostics);
          response.addAllDiagnostics(ProtoMapping.diagnostics(diagnostics.toList()));
          Value prior = ProtoMapping.decode(type, request.getPriorState());
          response.setNewState(ProtoMapping.encode(type,
              diagnostics.hasErrors() ? prior : StateShaper.resourceState(schema.block(), created)));
        }
      }
    } catch (RuntimeException e) {
      response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(internal(e))));
    }
    reply(out, response.build());
  }

  @Override
  public void importResourceState(
      Tfplugin6.ImportResourceState.Request request, StreamObserver<Tfplugin6.ImportResourceState.Response> out) {
    reply(out, Tfplugin6.ImportResourceState.Response.newBuilder()
        .addAllDiagnostics(ProtoMapping.diagnostics(List.of(
            Diagnostic.error("resource " + request.getTypeName() + " doesn't support import"))))
        .build());
  }

  @Override
  public void readDataSource(
      Tfplugin6.ReadDataSource.Request request, StreamObserver<Tfplugin6.ReadDataSource.Response> out) {
    var response = Tfplugin6.ReadDataSource.Response.newBuilder();
    try {
      Optional<DataSource> dataSource = provider.dataSource(request.getTypeName());
      if (dataSource.isEmpty()) {
        response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(unknownType(request.getTypeName()))));
      } else {
        Schema schema = dataSource.get().schema();
        CtyType type = type(schema);
        ObjectValue config = ProtoMapping.decode(type, request.getConfig()) instanceof ObjectValue o
            ? o : new ObjectValue(Map.of());
        Diagnostics diagnostics = new Diagnostics();
        ObjectValue input = StateShaper.dataSourceInput(schema.block(), config);
        ObjectValue read = dataSource.get().read(input, config, context.get(), diagnostics);
        response.addAllDiagnostics(ProtoMapping.diagnostics(diagnostics.toList()));
        if (!diagnostics.hasErrors()) {
          response.setState(ProtoMapping.encode(type, StateShaper.dataSourceState(schema.block(), read)));
        }
      }
    } catch (RuntimeException e) {
      response.addAllDiagnostics(ProtoMapping.diagnostics(List.of(internal(e))));
    }
    reply(out, response.build());
  }

  @Override
  public void getFunctions(Tfplugin6.GetFunctions.Request request, StreamObserver<Tfplugin6.GetFunctions.Response> out) {
    reply(out, Tfplugin6.GetFunctions.Response.getDefaultInstance());
  }

  @Override
  public void stopProvider(Tfplugin6.StopProvider.Request request, StreamObserver<Tfplugin6.StopProvider.Response> out) {
    // Every RPC is short and local; there is nothing in flight worth cancelling.
    reply(out, Tfplugin6.StopProvider.Response.getDefaultInstance());
  }

  private static Diagnostic unknownType(String typeName) {
    return Diagnostic.error("Unknown type", "The coder provider has no type named \"" + typeName + "\".");
  }

  private static Diagnostic internal(RuntimeException e) {
    return Diagnostic.error("Internal error in the coder provider", String.valueOf(e));
  }

  private static List<Diagnostic> guarded(Supplier<List<Diagnostic>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return List.of(internal(e));
    }
  }

  private static <T> void reply(StreamObserver<T> out, T response) {
    out.onNext(response);
    out.onCompleted();
  }
}
