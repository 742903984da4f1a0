package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Which sign-in methods the deployment offers ({@code GET /users/authmethods}). */
public record AuthMethods(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String termsOfServiceUrl,
        AuthMethod password,
        AuthMethod github,
        OidcAuthMethod oidc) {

    public record AuthMethod(boolean enabled) {}

    /** OIDC keeps Coder's camelCase names for its button text and icon. */
    public record OidcAuthMethod(
            boolean enabled, @JsonProperty("signInText") String signInText, @JsonProperty("iconUrl") String iconUrl) {}
}
