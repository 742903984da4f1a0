package dev.jcoder.terraform.provider.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The terraform binary in one working directory with a fixed environment. Tests never inherit
 * the machine's TF_* variables: they bring their own CLI config (no registry access here).
 */
public final class Terraform {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one terraform command. */
  public record Result(int exitCode, String stdout, String stderr) {
    public String output() {
      return stdout + stderr;
    }
  }

  private final Path directory;
  private final Map<String, String> environment;

  private Terraform(Path directory, Map<String, String> environment) {
    this.directory = directory;
    this.environment = Map.copyOf(environment);
  }

  /**
   * A working directory with {@code main.tf}; {@code extraEnvironment} is added to terraform's own
   * environment (TF_REATTACH_PROVIDERS, or the provider's variables in launched mode).
   */
  public static Terraform in(Path directory, String mainTf, String cliConfig, Map<String, String> extraEnvironment) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("main.tf"), mainTf);
      Path config = directory.resolve("cli.tfrc");
      Files.writeString(config, cliConfig);
      Map<String, String> env = new HashMap<>();
      System.getenv().forEach((key, value) -> {
        if (!key.startsWith("TF_") && !key.startsWith("CODER_")) {
          env.put(key, value);
        }
      });
      env.put("TF_CLI_CONFIG_FILE", config.toString());
      env.put("TF_IN_AUTOMATION", "1");
      env.put("CHECKPOINT_DISABLE", "1");
      env.putAll(extraEnvironment);
      return new Terraform(directory, env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path directory() {
    return directory;
  }

  public void writeMainTf(String mainTf) {
    try {
      Files.writeString(directory.resolve("main.tf"), mainTf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("terraform");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("terraform " + String.join(" ", args) + " did not finish in 120 s");
      }
      return new Result(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs a command that must succeed and returns its result. */
  public Result ok(String... args) {
    Result result = run(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("terraform " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
          + result.output());
    }
    return result;
  }

  public Result init() {
    return ok("init", "-input=false", "-no-color");
  }

  public Result plan(String... extra) {
    List<String> args = new ArrayList<>(List.of("plan", "-input=false", "-no-color"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  public Result apply(String... extra) {
    List<String> args = new ArrayList<>(List.of("apply", "-input=false", "-no-color", "-auto-approve"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** {@code terraform show -json [file]} parsed. */
  public JsonNode showJson(String... file) {
    List<String> args = new ArrayList<>(List.of("show", "-json", "-no-color"));
    args.addAll(List.of(file));
    try {
      return JSON.readTree(ok(args.toArray(String[]::new)).stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state's resources and data sources by address, from {@code show -json}. */
  public Map<String, JsonNode> stateResources() {
    Map<String, JsonNode> resources = new HashMap<>();
    showJson().path("values").path("root_module").path("resources")
        .forEach(r -> resources.put(r.path("address").asText(), r));
    return resources;
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
