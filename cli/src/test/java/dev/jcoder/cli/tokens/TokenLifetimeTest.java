package dev.jcoder.cli.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.cli.CliException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {
    @Test
    void goDurationsWithDaysAndYears() {
        assertThat(TokensCreateCommand.parseLifetime("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(TokensCreateCommand.parseLifetime("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(TokensCreateCommand.parseLifetime("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(TokensCreateCommand.parseLifetime("1d12h30m")).isEqualTo(Duration.ofDays(1).plusHours(12).plusMinutes(30));
    }

    @Test
    void zeroNegativeAndGarbageAreRefused() {
        assertThatThrownBy(() -> TokensCreateCommand.parseLifetime("0")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> TokensCreateCommand.parseLifetime("-1h")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> TokensCreateCommand.parseLifetime("soon")).isInstanceOf(CliException.class)
                .hasMessageContaining("Invalid lifetime");
    }
}
