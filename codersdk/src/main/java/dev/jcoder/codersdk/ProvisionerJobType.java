package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a provisioner job does. */
public enum ProvisionerJobType {
    TEMPLATE_VERSION_IMPORT("template_version_import"),
    WORKSPACE_BUILD("workspace_build"),
    TEMPLATE_VERSION_DRY_RUN("template_version_dry_run");

    private final String value;

    ProvisionerJobType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ProvisionerJobType fromValue(String value) {
        return Enums.fromValue(ProvisionerJobType.class, value, ProvisionerJobType::value);
    }
}
