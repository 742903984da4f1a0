package dev.jcoder.provisionerd.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides whether a template needs {@code terraform init} at all. It does not when it has no modules,
 * no backend, no lock file and uses no provider but {@code coder/coder} (reattached to this
 * provisioner) and Terraform's built-in {@code terraform} provider ({@code terraform_data}): then
 * {@code plan} runs without it and a build saves one terraform process. Anything the reader does not
 * understand counts as "needs init", so a template is never planned without what it needs.
 */
final class ConfigurationBlocks {
    /** A top-level block: {@code resource "terraform_data" "home" { ... }}. */
    record Block(String type, List<String> labels, String body) {}

    private static final Set<String> CODER_SOURCES = Set.of("coder/coder", "registry.terraform.io/coder/coder");
    private static final Set<String> TYPED_BLOCKS = Set.of("resource", "data", "ephemeral", "list", "action");
    private static final Set<String> HARMLESS_BLOCKS = Set.of("variable", "output", "locals", "moved", "removed",
            "import", "check");

    private ConfigurationBlocks() {}

    static boolean needInit(Path directory) {
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> entries = listing.toList();
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals(".terraform") || name.equals(".terraform.lock.hcl") || name.endsWith(".tf.json")) {
                    return true;
                }
            }
            for (Path entry : entries) {
                if (entry.getFileName().toString().endsWith(".tf") && Files.isRegularFile(entry)
                        && needInit(Files.readString(entry))) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static boolean needInit(String file) {
        for (Block block : new VariableDeclarations.HclReader(file).blocks()) {
            boolean needs = switch (block.type()) {
                case "terraform" -> terraformBlockNeedsInit(block.body());
                case "provider" -> !block.labels().equals(List.of("coder"));
                default -> TYPED_BLOCKS.contains(block.type())
                        ? block.labels().isEmpty() || !builtInOrCoder(block.labels().getFirst())
                        : !HARMLESS_BLOCKS.contains(block.type());
            };
            if (needs) {
                return true;
            }
        }
        return false;
    }

    private static boolean builtInOrCoder(String type) {
        return type.startsWith("coder_") || type.startsWith("terraform_");
    }

    private static boolean terraformBlockNeedsInit(String body) {
        for (Block nested : new VariableDeclarations.HclReader(body).blocks()) {
            switch (nested.type()) {
                case "required_providers" -> {
                    for (Map.Entry<String, Object> provider : new VariableDeclarations.HclReader(nested.body())
                            .attributes().entrySet()) {
                        if (!(provider.getValue() instanceof Map<?, ?> requirement)
                                || !CODER_SOURCES.contains(String.valueOf(requirement.get("source")).toLowerCase())) {
                            return true;
                        }
                    }
                }
                case "backend", "cloud", "provider_meta" -> {
                    return true;
                }
                default -> {
                    // required_version and experiments need nothing installed
                }
            }
        }
        return false;
    }
}
