package dev.jcoder.terraform.provider.datasources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterDataSourceTest {

  @Test
  void valueVariablesAreNamedAfterTheSha256OfTheName() {
    // The examples of the schema reference §3.
    assertThat(ParameterDataSource.valueVariable("Region"))
        .isEqualTo("CODER_PARAMETER_d3a008ef1335692d9d045175ba9ea1dcd39ae48da9e2043a9baabad6c3818c28");
    assertThat(ParameterDataSource.valueVariable("AI Prompt"))
        .isEqualTo("CODER_PARAMETER_0881b748bb90b4c4eb0d79a67fa62678aec1d0cdb90d9ae75026b11dcac8555a");
    assertThat(ParameterDataSource.previousValueVariable("Region"))
        .isEqualTo("CODER_PARAMETER_PREVIOUS_d3a008ef1335692d9d045175ba9ea1dcd39ae48da9e2043a9baabad6c3818c28");
  }
}
