import dev.jcoder.agent.ssh.AgentSshServer;
import dev.jcoder.agent.ssh.SshServerConfig;
import dev.jcoder.cli.connect.ConnectFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SSH through the relay (OpenSSH → ProxyCommand `coder ssh --stdio` → coderd → agent tunnel →
 * MINA) against OpenSSH straight to the same MINA server's loopback port, and `coder ssh WS -- true`
 * latency. coderd and the agent share this JVM; the ProxyCommand is a separate JVM per connection.
 * Args: [size MiB = 256] [runs = 3] [latency runs = 10]
 */
public class ConnectBench {
    public static void main(String[] args) throws Exception {
        int sizeMiB = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int latencyRuns = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (ConnectFixture fixture = ConnectFixture.start();
                AgentSshServer direct = AgentSshServer.create(SshServerConfig.builder().port(0).build())) {
            direct.start();
            Path work = Files.createTempDirectory("connect-bench");
            Path config = work.resolve("ssh_config");
            System.setProperty("jcoder.launcher", fixture.launcher.toString());
            var configured = fixture.coder("config-ssh", "--ssh-config-file", config.toString(), "--yes");
            if (configured.exitCode() != 0) {
                throw new IllegalStateException(configured.toString());
            }
            Files.writeString(config, Files.readString(config) + "\nHost direct\n\tHostName 127.0.0.1\n\tPort " + direct.port()
                    + "\n\tStrictHostKeyChecking=no\n\tUserKnownHostsFile=/dev/null\n\tLogLevel ERROR\n"
                    + "\tCiphers aes128-gcm@openssh.com\n");
            Path file = work.resolve("payload.bin");
            byte[] block = new byte[1024 * 1024];
            new java.util.Random(1).nextBytes(block);
            try (var out = Files.newOutputStream(file)) {
                for (int i = 0; i < sizeMiB; i++) {
                    out.write(block);
                }
            }
            String relay = "coder." + fixture.workspace.name();
            System.out.printf("payload %d MiB, %d runs (median), one warm-up each%n", sizeMiB, runs);
            for (String host : List.of("direct", relay)) {
                Path remote = work.resolve("remote-" + host.replace('.', '-') + ".bin");
                Path back = work.resolve("back-" + host.replace('.', '-') + ".bin");
                List<String> up = List.of("scp", "-F", config.toString(), "-o", "BatchMode=yes", file.toString(), host + ":" + remote);
                List<String> down = List.of("scp", "-F", config.toString(), "-o", "BatchMode=yes", host + ":" + remote, back.toString());
                time(up);
                time(down);
                double upload = median(runs, () -> sizeMiB * 1.048576 / time(up));
                double download = median(runs, () -> sizeMiB * 1.048576 / time(down));
                System.out.printf("%-24s scp upload %6.1f MB/s   download %6.1f MB/s%n",
                        host.equals("direct") ? "OpenSSH → MINA direct" : "relay (CLI→coderd→agent)", upload, download);
                Files.deleteIfExists(remote);
                Files.deleteIfExists(back);
            }
            List<String> sshTrue = List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", relay, "true");
            List<String> coderTrue = List.of(fixture.launcher.toString(), "ssh", "--global-config",
                    fixture.configDirectory.toString(), fixture.workspace.name(), "--", "true");
            List<String> directTrue = List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes", "direct", "true");
            for (var entry : List.of(List.of("ssh direct true (MINA)", directTrue), List.of("ssh coder.WS true", sshTrue),
                    List.of("coder ssh WS -- true", coderTrue))) {
                @SuppressWarnings("unchecked")
                List<String> command = (List<String>) entry.get(1);
                time(command);
                double[] ms = new double[latencyRuns];
                for (int i = 0; i < latencyRuns; i++) {
                    ms[i] = time(command) * 1000;
                }
                Arrays.sort(ms);
                System.out.printf("%-24s p50 %5.0f ms   max %5.0f ms  (%d runs)%n", entry.get(0), ms[ms.length / 2],
                        ms[ms.length - 1], latencyRuns);
            }
        }
    }

    interface Measure {
        double run() throws Exception;
    }

    static double median(int runs, Measure measure) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            values.add(measure.run());
        }
        values.sort(Double::compare);
        return values.get(values.size() / 2);
    }

    /** Seconds the command took; fails when it fails. */
    static double time(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("failed (" + process.exitValue() + "): " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
