package dev.jcoder.codersdk;

import java.util.Map;

/**
 * {@code POST /authcheck}: named questions "may I do ACTION on OBJECT?"; the answer maps each name
 * to true or false.
 */
public record AuthorizationRequest(Map<String, Check> checks) {
    public AuthorizationRequest {
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }

    public record Check(AuthorizationObject object, String action) {}

    /** The object asked about; ids narrow it to one owner, organization or resource. */
    public record AuthorizationObject(String resourceType, String ownerId, String organizationId, String resourceId) {}
}
