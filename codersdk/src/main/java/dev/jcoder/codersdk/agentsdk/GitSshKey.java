package dev.jcoder.codersdk.agentsdk;

/** {@code GET /workspaceagents/me/gitsshkey}: the workspace owner's Git SSH key pair (OpenSSH format). */
public record GitSshKey(String publicKey, String privateKey) {
    public GitSshKey {
        publicKey = publicKey == null ? "" : publicKey;
        privateKey = privateKey == null ? "" : privateKey;
    }
}
