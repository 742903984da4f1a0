package dev.jcoder.coderd.rbac;

import java.util.Optional;

/** The kinds of objects that permissions are granted on; names are Coder's resource types. */
public enum ResourceType {
    WILDCARD("*"),
    USER("user"),
    API_KEY("api_key"),
    ORGANIZATION("organization"),
    ORGANIZATION_MEMBER("organization_member"),
    ASSIGN_ROLE("assign_role"),
    DEPLOYMENT_CONFIG("deployment_config"),
    TEMPLATE("template"),
    FILE("file"),
    WORKSPACE("workspace"),
    PROVISIONER_JOBS("provisioner_jobs"),
    AUDIT_LOG("audit_log"),
    SYSTEM("system");

    private final String wireName;

    ResourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResourceType> fromWireName(String name) {
        for (ResourceType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
