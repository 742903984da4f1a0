package dev.jcoder.coderd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.codersdk.CoderApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions about the API's error answers. */
public final class ApiAssertions {
    private ApiAssertions() {}

    /** The call fails with a Coder-shaped error of {@code status}; the message is shown when it does not. */
    public static void assertStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CoderApiException.class,
                e -> assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status));
    }
}
