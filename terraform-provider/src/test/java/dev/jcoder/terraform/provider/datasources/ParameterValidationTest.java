package dev.jcoder.terraform.provider.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.testing.HostExtension;
import dev.jcoder.terraform.provider.testing.Templates;
import dev.jcoder.terraform.provider.testing.Terraform;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** coder_parameter validation as `terraform plan` reports it, with values coming from the build env. */
class ParameterValidationTest {

  private static CoderProviderHost host;

  @BeforeAll
  static void startHost() {
    host = CoderProviderHost.start();
  }

  @AfterAll
  static void stopHost() {
    host.close();
  }

  private static final String NUMBER = """
      data "coder_parameter" "p" {
        name    = "cpus"
        type    = "number"
        default = 2
        validation {
          min       = 1
          max       = 8
          monotonic = "increasing"
        }
      }
      """;

  private static final String REGEX = """
      data "coder_parameter" "p" {
        name    = "repo"
        default = "https://github.com/coder/coder"
        validation {
          regex = "^https://"
          error = "Must be an https URL"
        }
      }
      """;

  private static final String OPTIONS = """
      data "coder_parameter" "p" {
        name    = "Region"
        default = "eu"
        option {
          name  = "Europe"
          value = "eu"
        }
        option {
          name  = "United States"
          value = "us"
        }
      }
      """;

  static Stream<Arguments> invalidParameters() {
    return Stream.of(
        Arguments.of("a value that is not an option", OPTIONS, Map.of("Region", "asia"), Map.of(),
            "Value must be a valid option"),
        Arguments.of("a default that is not an option", OPTIONS.replace("default = \"eu\"", "default = \"mars\""),
            Map.of(), Map.of(), "Default value must be a valid option"),
        Arguments.of("a value that does not match the regex", REGEX, Map.of("repo", "http://example.com"), Map.of(),
            "Must be an https URL (value \"http://example.com\" does not match \"^https://\")"),
        Arguments.of("a regex that does not compile", REGEX.replace("^https://", "(["), Map.of("repo", "x"), Map.of(),
            "compile regex <nil>: "),
        Arguments.of("a number above the maximum", NUMBER, Map.of("cpus", "10"), Map.of(),
            "value 10 is more than the maximum 8"),
        Arguments.of("a number below the minimum with a custom error",
            NUMBER.replace("monotonic = \"increasing\"", "error = \"Pick {min} to {max} CPUs, not {value}\""),
            Map.of("cpus", "0"), Map.of(), "Pick 1 to 8 CPUs, not 0"),
        Arguments.of("a decrease of a monotonic increasing number", NUMBER, Map.of("cpus", "3"), Map.of("cpus", "4"),
            "parameter value '3' must be equal or greater than previous value: 4"),
        Arguments.of("a value that is not a number", NUMBER, Map.of("cpus", "four"), Map.of(),
            "value \"four\" is not a number"),
        Arguments.of("an immutable ephemeral parameter", OPTIONS.replace("default = \"eu\"",
            "default = \"eu\"\n  ephemeral = true"), Map.of(), Map.of(), "parameter can't be immutable and ephemeral"),
        Arguments.of("a form type that does not fit the type", OPTIONS.replace("default = \"eu\"",
            "default = \"eu\"\n  form_type = \"checkbox\""), Map.of(), Map.of(), "Invalid form_type for parameter"),
        Arguments.of("a type the provider does not know", NUMBER.replace("\"number\"", "\"integer\""), Map.of(),
            Map.of(), "expected type to be one of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidParameters")
  void planFailsFor(String scenario, String parameter, Map<String, String> values, Map<String, String> previous,
      String message, @TempDir Path dir) {
    Map<String, String> env = new HashMap<>();
    values.forEach((name, value) -> env.put(ParameterDataSource.valueVariable(name), value));
    previous.forEach((name, value) -> env.put(ParameterDataSource.previousValueVariable(name), value));

    Terraform.Result result = HostExtension.plan(host, dir, Templates.REQUIRED_PROVIDERS + parameter, env);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr().replaceAll("\\s*│\\s*", " ").replaceAll("\\s+", " ")).contains(message);
  }

  @Test
  void anIncreaseOfAMonotonicNumberPasses(@TempDir Path dir) {
    Terraform.Result result = HostExtension.plan(host, dir, Templates.REQUIRED_PROVIDERS + NUMBER,
        Map.of(ParameterDataSource.valueVariable("cpus"), "5", ParameterDataSource.previousValueVariable("cpus"), "4"));

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void anEmptyInputOverridesTheDefault(@TempDir Path dir) {
    String template = Templates.REQUIRED_PROVIDERS + """
        data "coder_parameter" "p" {
          name    = "note"
          default = "hello"
        }
        output "value" {
          value = data.coder_parameter.p.value
        }
        """;
    Terraform.Result result = HostExtension.apply(host, dir, template, Map.of(ParameterDataSource.valueVariable("note"), ""));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.stdout()).contains("value = \"\"");
  }
}
