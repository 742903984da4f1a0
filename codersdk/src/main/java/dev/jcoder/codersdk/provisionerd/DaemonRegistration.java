package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.ProvisionerType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a daemon is: its name, the provisioners it can run and its tags. Built-in daemons have no
 * tags; the server adds Coder's defaults ({@code scope=organization}, {@code owner=""}).
 */
public record DaemonRegistration(String name, List<ProvisionerType> provisioners, Map<String, String> tags) {
    public DaemonRegistration {
        Objects.requireNonNull(name, "name");
        provisioners = List.copyOf(provisioners);
        tags = Map.copyOf(tags);
        if (provisioners.isEmpty()) {
            throw new IllegalArgumentException("A daemon must offer at least one provisioner.");
        }
    }
}
