package dev.jcoder.cli.workspaces.parameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameValuePairsTest {
    @Test
    void valuesSplitAtTheFirstEquals() {
        assertThat(NameValuePairs.parse(List.of("region=eu", "motd=a=b", "empty="), "--parameter")).containsExactly(
                new WorkspaceBuildParameter("region", "eu"), new WorkspaceBuildParameter("motd", "a=b"),
                new WorkspaceBuildParameter("empty", ""));
        assertThatThrownBy(() -> NameValuePairs.parse(List.of("region"), "--parameter"))
                .hasMessage("Invalid --parameter \"region\": the format name=value is expected.");
        assertThatThrownBy(() -> NameValuePairs.parse(List.of("=eu"), "--parameter")).hasMessageContaining("name=value");
    }

    @Test
    void environmentListsKeepJsonListsAndQuotedCommasWhole() {
        assertThat(NameValuePairs.fromEnvironment("region=eu,cpu=4")).containsExactly("region=eu", "cpu=4");
        assertThat(NameValuePairs.fromEnvironment("ides=[\"a\",\"b\"],cpu=4")).containsExactly("ides=[\"a\",\"b\"]", "cpu=4");
        assertThat(NameValuePairs.fromEnvironment("\"motd=hi, there\",cpu=4")).containsExactly("motd=hi, there", "cpu=4");
        assertThat(NameValuePairs.fromEnvironment(null)).isEmpty();
        assertThat(NameValuePairs.fromEnvironment(" ")).isEmpty();
    }
}
