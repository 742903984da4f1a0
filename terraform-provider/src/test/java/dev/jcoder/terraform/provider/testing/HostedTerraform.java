package dev.jcoder.terraform.provider.testing;

import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.hosting.HostedProvider;
import java.nio.file.Path;
import java.util.Map;

/** A terraform working directory attached to a provider hosted in the test JVM. */
public final class HostedTerraform implements AutoCloseable {

  /** Hosted mode needs no provider installation; the config only keeps the machine's out. */
  public static final String CLI_CONFIG = "disable_checkpoint = true\n";

  private final HostedProvider provider;
  private final Terraform terraform;

  private HostedTerraform(HostedProvider provider, Terraform terraform) {
    this.provider = provider;
    this.terraform = terraform;
  }

  public static HostedTerraform start(CoderProviderHost host, Path directory, String mainTf,
      Map<String, String> providerEnvironment) {
    HostedProvider provider = host.startProvider(providerEnvironment);
    return new HostedTerraform(provider,
        Terraform.in(directory, mainTf, CLI_CONFIG, provider.terraformEnvironment()));
  }

  public Terraform terraform() {
    return terraform;
  }

  public HostedProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    provider.close();
  }
}
