package dev.jcoder.coderd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordTest {
    @Test
    void hashesInCodersFormatAndVerifies() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("Correct-Horse-Battery-9");
        assertThat(hash).matches("\\$pbkdf2-sha256\\$65535\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}");
        assertThat(hasher.verify("Correct-Horse-Battery-9", Optional.of(hash))).isTrue();
        assertThat(hasher.verify("wrong", Optional.of(hash))).isFalse();
        assertThat(hasher.verify("anything", Optional.empty())).isFalse();
    }

    @Test
    void verifiesHashesWithOtherIterationCounts() {
        String legacy = new PasswordHasher(1024).hash("legacy-Password-1");
        assertThat(legacy).contains("$1024$");
        assertThat(new PasswordHasher().verify("legacy-Password-1", Optional.of(legacy))).isTrue();
    }

    @Test
    void strengthFollowsEntropy() {
        assertThat(PasswordPolicy.problem("password")).isPresent();
        assertThat(PasswordPolicy.problem("aaaaaaaaaaaaaaaaaaaaaaaa")).isPresent();
        assertThat(PasswordPolicy.problem("abcdefghijklmnopqrstuvwxyz")).isPresent();
        assertThat(PasswordPolicy.problem("Correct-Horse-Battery-9")).isEmpty();
        assertThat(PasswordPolicy.problem("x".repeat(65))).hasValueSatisfying(p -> assertThat(p).contains("64"));
        assertThat(PasswordPolicy.problem("")).isPresent();
    }

    @Test
    void apiKeysHaveCodersShape() {
        var key = new ApiKeyGenerator().generate();
        assertThat(key.token()).matches("[A-Za-z0-9]{10}-[A-Za-z0-9]{22}");
        var parsed = ApiKeyGenerator.parse(key.token()).orElseThrow();
        assertThat(ApiKeyGenerator.secretMatches(parsed.secret(), key.hashedSecret())).isTrue();
        String tampered = (parsed.secret().charAt(0) == 'x' ? "y" : "x") + parsed.secret().substring(1);
        assertThat(ApiKeyGenerator.secretMatches(tampered, key.hashedSecret())).isFalse();
        assertThat(ApiKeyGenerator.parse("short-token")).isEmpty();
        assertThat(ApiKeyGenerator.parse(key.token() + "-x")).isEmpty();
    }
}
