package dev.jcoder.codersdk.provisionerd;

import java.util.List;

/** A Terraform resource as the provisioner found it, with the agents that run in it. */
public record Resource(String name, String type, boolean hide, String icon, int dailyCost, List<Agent> agents,
        List<ResourceMetadata> metadata) {
    public Resource {
        icon = icon == null ? "" : icon;
        agents = agents == null ? List.of() : List.copyOf(agents);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }
}
