package dev.jcoder.coderd.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.errors.ValidationFailed;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    private static final Set<String> KEYS = Set.of("owner", "status", "template", "name");

    @Test
    void parsesKeysBareWordsAndQuotes() {
        SearchQuery query = SearchQuery.parse("owner:me Status:Running template:\"my docker\" dev", "name", KEYS);
        assertThat(query.first("owner")).isEqualTo("me");
        assertThat(query.first("status")).isEqualTo("running");
        assertThat(query.first("template")).isEqualTo("my docker");
        assertThat(query.values("name")).containsExactly("dev");
    }

    @Test
    void listValuesSplitOnCommas() {
        assertThat(SearchQuery.parse("status:active,suspended", "name", KEYS).listValues("status"))
                .containsExactly("active", "suspended");
    }

    @Test
    void rejectsMalformedTermsAndUnknownKeys() {
        assertThatThrownBy(() -> SearchQuery.parse("owner:", "name", KEYS)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> SearchQuery.parse(":me", "name", KEYS)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> SearchQuery.parse("owner:a:b", "name", KEYS)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> SearchQuery.parse("color:red", "name", KEYS))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.validations()).extracting(v -> v.field()).containsExactly("color"));
    }
}
