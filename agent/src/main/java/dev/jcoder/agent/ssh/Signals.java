package dev.jcoder.agent.ssh;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import org.apache.sshd.server.Signal;

/**
 * Delivers POSIX signals to processes. {@link ProcessHandle} can only send TERM and KILL, but SSH
 * clients may send any signal (RFC 4254 section 6.9), so this calls libc's {@code kill(2)} through
 * the FFM API (the agent already runs with {@code --enable-native-access} for pty4j).
 */
@SuppressWarnings("restricted") // native access is enabled for the agent (pty4j needs it too)
final class Signals {
    private static final MethodHandle KILL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().findOrThrow("kill"),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private Signals() {
    }

    /** Sends {@code signal} to {@code pid}; returns whether the process existed. */
    static boolean send(long pid, Signal signal) {
        try {
            return (int) KILL.invokeExact((int) pid, signal.getNumeric()) == 0;
        } catch (Throwable e) {
            throw new IllegalStateException("kill(2) could not be called.", e);
        }
    }
}
