package dev.jcoder.terraform.provider;

import static dev.jcoder.terraform.provider.cty.CtyType.STRING;

import dev.jcoder.terraform.provider.datasources.ParameterDataSource;
import dev.jcoder.terraform.provider.datasources.SecretDataSource;
import dev.jcoder.terraform.provider.datasources.SmallDataSources;
import dev.jcoder.terraform.provider.datasources.WorkspaceDataSource;
import dev.jcoder.terraform.provider.datasources.WorkspaceOwnerDataSource;
import dev.jcoder.terraform.provider.datasources.WorkspacePresetDataSource;
import dev.jcoder.terraform.provider.resources.CoderAgent;
import dev.jcoder.terraform.provider.resources.CoderAiTask;
import dev.jcoder.terraform.provider.resources.CoderApp;
import dev.jcoder.terraform.provider.resources.CoderDevcontainer;
import dev.jcoder.terraform.provider.resources.CoderMetadata;
import dev.jcoder.terraform.provider.resources.CoderScript;
import dev.jcoder.terraform.provider.resources.SimpleResources;
import dev.jcoder.terraform.provider.schema.Attribute;
import dev.jcoder.terraform.provider.schema.Block;
import dev.jcoder.terraform.provider.schema.Schema;
import dev.jcoder.terraform.provider.schema.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The provider's registry: its own schema and every resource and data source type. Immutable and
 * stateless, so one instance serves every build.
 */
public final class CoderProvider {

  /** The source address templates use ({@code source = "coder/coder"}). */
  public static final String ADDRESS = "registry.terraform.io/coder/coder";

  private static final CoderProvider INSTANCE = new CoderProvider();

  private final Schema providerSchema = new Schema(0, Block.of(List.of(
      Attribute.optional("url", STRING).description("The URL to access Coder.").validate(Validators.url()))));
  private final Map<String, ManagedResource> resources = new LinkedHashMap<>();
  private final Map<String, DataSource> dataSources = new LinkedHashMap<>();
  private final String version;

  private CoderProvider() {
    for (ManagedResource resource : List.of(
        new CoderAgent(), SimpleResources.agentInstance(), new CoderAiTask(), new CoderApp(), new CoderMetadata(),
        new CoderScript(), SimpleResources.env(), new CoderDevcontainer(), SimpleResources.externalAgent())) {
      resources.put(resource.typeName(), resource);
    }
    for (DataSource dataSource : List.of(
        new WorkspaceDataSource(), SmallDataSources.workspaceTags(), SmallDataSources.provisioner(),
        new ParameterDataSource(), SmallDataSources.externalAuth(), new WorkspaceOwnerDataSource(),
        new WorkspacePresetDataSource(), SmallDataSources.task(), new SecretDataSource())) {
      dataSources.put(dataSource.typeName(), dataSource);
    }
    version = loadVersion();
  }

  public static CoderProvider instance() {
    return INSTANCE;
  }

  public Schema providerSchema() {
    return providerSchema;
  }

  public Map<String, ManagedResource> resources() {
    return Map.copyOf(resources);
  }

  public Map<String, DataSource> dataSources() {
    return Map.copyOf(dataSources);
  }

  public Optional<ManagedResource> resource(String typeName) {
    return Optional.ofNullable(resources.get(typeName));
  }

  public Optional<DataSource> dataSource(String typeName) {
    return Optional.ofNullable(dataSources.get(typeName));
  }

  /** The coder/coder version this implementation answers as, e.g. "2.17.0". */
  public String version() {
    return version;
  }

  private static String loadVersion() {
    try (InputStream in = CoderProvider.class.getResourceAsStream("provider.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "2.17.0");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
