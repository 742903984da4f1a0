package dev.jcoder.agent.ports;

import dev.jcoder.codersdk.WorkspaceAgentListeningPort;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The TCP ports processes listen on in the workspace, read from {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} (state {@code 0A} = LISTEN), each with the name of the process that owns
 * the socket when it is visible to the agent ({@code /proc/<pid>/fd} links to {@code socket:[inode]}).
 * As in Coder, ports below 9 and well-known ports of non-HTTP services are left out, and so are the
 * ports the caller names (the agent's own SSH port).
 */
public final class ListeningPorts {
    /** Ports of services nobody forwards to a browser (Coder leaves out the same kind). */
    static final Set<Integer> IGNORED = Set.of(20, 21, 22, 23, 25, 53, 110, 111, 143, 179, 389, 443, 465, 587, 636,
            993, 995, 2049, 3306, 5432, 6379, 11211, 27017);
    static final int MIN_PORT = 9;

    private final Path proc;

    public ListeningPorts(Path proc) {
        this.proc = proc;
    }

    public static ListeningPorts system() {
        return new ListeningPorts(Path.of("/proc"));
    }

    /** Listening ports, lowest first, without {@code excluded}. */
    public List<WorkspaceAgentListeningPort> list(Set<Integer> excluded) throws IOException {
        Map<Integer, Long> inodeByPort = new TreeMap<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (Files.isReadable(file)) {
                parse(Files.readAllLines(file), inodeByPort);
            }
        }
        inodeByPort.keySet().removeIf(port -> port < MIN_PORT || IGNORED.contains(port) || excluded.contains(port));
        if (inodeByPort.isEmpty()) {
            return List.of();
        }
        Map<Long, String> processBySocket = processesBySocketInode();
        List<WorkspaceAgentListeningPort> ports = new ArrayList<>();
        inodeByPort.forEach((port, inode) ->
                ports.add(new WorkspaceAgentListeningPort(processBySocket.getOrDefault(inode, ""), "tcp", port)));
        return List.copyOf(ports);
    }

    /** Adds the LISTEN sockets of one {@code /proc/net/tcp*} table (header line first) as port → inode. */
    static void parse(List<String> lines, Map<Integer, Long> inodeByPort) {
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split("\\s+");
            if (fields.length < 10 || !fields[3].equals("0A")) {
                continue;
            }
            String local = fields[1];
            int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
            inodeByPort.putIfAbsent(port, Long.parseLong(fields[9]));
        }
    }

    private Map<Long, String> processesBySocketInode() {
        Map<Long, String> names = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    String name = null;
                    for (Path fd : fds) {
                        String target;
                        try {
                            target = Files.readSymbolicLink(fd).toString();
                        } catch (IOException e) {
                            continue;
                        }
                        if (target.startsWith("socket:[")) {
                            if (name == null) {
                                name = Files.readString(process.resolve("comm")).strip();
                            }
                            names.put(Long.parseLong(target.substring(8, target.length() - 1)), name);
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // Another user's process, or it just ended.
                }
            }
        } catch (IOException e) {
            // No process table: names stay empty.
        }
        return names;
    }
}
