package dev.jcoder.provisionerd;

import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.provisionerd.DaemonRegistration;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.provisionerd.echo.EchoProvisioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A group of daemons started and stopped together ({@code coder server --provisioner-daemons N}). */
public final class ProvisionerDaemons implements AutoCloseable {
    private final List<ProvisionerDaemon> daemons;

    private ProvisionerDaemons(List<ProvisionerDaemon> daemons) {
        this.daemons = List.copyOf(daemons);
    }

    /**
     * Starts {@code count} daemons named {@code <prefix>-<i>}, each connected through {@code connect},
     * running the given provisioners.
     */
    public static ProvisionerDaemons start(int count, String prefix, Function<DaemonRegistration, ProvisionerDaemonClient> connect,
            Map<ProvisionerType, Provisioner> provisioners, DaemonConfig config) {
        List<ProvisionerDaemon> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i;
            ProvisionerDaemonClient client = connect.apply(
                    new DaemonRegistration(name, List.copyOf(provisioners.keySet()), Map.of()));
            started.add(new ProvisionerDaemon(name, client, provisioners, config).start());
        }
        return new ProvisionerDaemons(started);
    }

    /** The provisioners built into this module (echo); the Terraform runner is added by its module. */
    public static Map<ProvisionerType, Provisioner> builtIn() {
        return Map.of(ProvisionerType.ECHO, new EchoProvisioner());
    }

    public List<ProvisionerDaemon> daemons() {
        return daemons;
    }

    public boolean anyRunning() {
        return daemons.stream().anyMatch(ProvisionerDaemon::isRunning);
    }

    @Override
    public void close() {
        // Ask all to stop first so that they wind down in parallel.
        List<Thread> closers = daemons.stream().map(daemon -> Thread.ofVirtual().start(daemon::close)).toList();
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
