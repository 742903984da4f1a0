package dev.jcoder.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshConfigBlockTest {
    private static final List<SshConfigBlock.HostEntry> HOSTS = List.of(
            new SshConfigBlock.HostEntry("coder.a", "coder ssh --stdio a"));

    @Test
    void anEmptyConfigGetsJustTheSection() {
        String block = SshConfigBlock.render(HOSTS, "coder.", List.of());
        assertThat(SshConfigBlock.apply("", block)).isEqualTo(block + "\n");
    }

    @Test
    void theSectionIsAppendedAfterABlankLineAndReplacedInPlace() {
        String config = "Host x\n\tHostName x.example.com";
        String first = SshConfigBlock.apply(config, SshConfigBlock.render(HOSTS, "coder.", List.of()));
        assertThat(first).startsWith(config + "\n\n" + SshConfigBlock.START);
        String second = SshConfigBlock.apply(first + "Host y\n", SshConfigBlock.render(List.of(), "coder.", List.of("ForwardAgent=yes")));
        assertThat(second).startsWith(config + "\n\n" + SshConfigBlock.START).endsWith(SshConfigBlock.END + "\nHost y\n")
                .doesNotContain("Host coder.a").contains("# :ssh-option=ForwardAgent=yes");
    }

    @Test
    void optionsAndProxyCommandAreInEachHost() {
        String block = SshConfigBlock.render(HOSTS, "coder.", List.of("ForwardAgent=yes"));
        assertThat(block).contains("Host coder.a\n\tHostName coder.a\n").contains("\tForwardAgent=yes\n")
                .contains("\tProxyCommand coder ssh --stdio a\n").endsWith(SshConfigBlock.END);
    }

    @Test
    void diffMarksRemovedAndAddedLines() {
        assertThat(SshConfigBlock.diff("a\nb\nc", "a\nc\nd")).containsExactly("-b", "+d");
        assertThat(SshConfigBlock.diff("same", "same")).isEmpty();
    }
}
