/**
 * The workspace agent's embedded SSH server (Apache MINA SSHD).
 *
 * <p>Rules of this package: the server listens on loopback only and is reached from outside only
 * through the agent's tunnel, so it authenticates nobody (coderd authorized the user before it
 * opened the stream) and runs everything as the agent's OS user. Reads from PTYs and process pipes
 * run on platform threads (blocking native I/O), never on virtual threads. Every thread a session
 * starts ends when its channel closes, and {@link dev.jcoder.agent.ssh.AgentSshServer#close()}
 * closes every session. The only public entry points are {@link dev.jcoder.agent.ssh.AgentSshServer},
 * its {@link dev.jcoder.agent.ssh.SshServerConfig} and the {@link dev.jcoder.agent.ssh.SshStats}
 * it reports; everything else is package-private wiring of MINA.
 */
package dev.jcoder.agent.ssh;
