package dev.jcoder.terraform.provider.testing;

import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import java.nio.file.Path;
import java.util.Map;

/** Runs one hosted terraform command sequence per call; the host lives as long as the test class. */
public final class HostExtension {

  private HostExtension() {}

  /** Plans {@code mainTf} in {@code dir} with a fresh provider carrying {@code environment}. */
  public static Terraform.Result plan(CoderProviderHost host, Path dir, String mainTf, Map<String, String> environment) {
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, mainTf, environment)) {
      return hosted.terraform().plan();
    }
  }

  /** Applies {@code mainTf} in {@code dir} with a fresh provider carrying {@code environment}. */
  public static Terraform.Result apply(CoderProviderHost host, Path dir, String mainTf, Map<String, String> environment) {
    try (HostedTerraform hosted = HostedTerraform.start(host, dir, mainTf, environment)) {
      return hosted.terraform().apply();
    }
  }
}
