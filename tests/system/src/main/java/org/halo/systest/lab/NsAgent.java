package org.halo.systest.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tiny helper run inside a namespace ({@code ip netns exec NS java -cp ... NsAgent}).
 * <ul>
 *   <li>{@code serve PORT NAME}: answers every TCP connection with NAME and a newline.</li>
 *   <li>{@code probe HOST PORT INTERVAL_MS TIMEOUT_MS}: connects every INTERVAL_MS (several attempts
 *   in flight, each with TIMEOUT_MS) and prints {@code <start-us> <end-us> <answer>} per answer.</li>
 * </ul>
 * It depends on nothing but the JDK, so it runs from this module's classes directory.
 */
public final class NsAgent {
    private NsAgent() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(args[1]), args[2]);
            case "probe" -> probe(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** The command line that runs this agent with the current JVM and these classes. */
    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-Xmx24m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classesLocation(), NsAgent.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String classesLocation() {
        try {
            return Path.of(NsAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(int port, String name) throws IOException {
        byte[] answer = (name + "\n").getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            // wildcard: the VIP arrives later and must be served without a restart
            server.bind(new InetSocketAddress(port), 512);
            while (true) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(answer);
                } catch (IOException e) {
                    // a client that went away; keep serving
                }
            }
        }
    }

    private static void probe(String host, int port, int intervalMs, int timeoutMs) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, timeoutMs / intervalMs + 2), r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        while (true) {
            pool.execute(() -> {
                long start = Sh.nowMicros();
                try (Socket s = new Socket()) {
                    s.setSoTimeout(timeoutMs);
                    s.connect(new InetSocketAddress(host, port), timeoutMs);
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    if (line != null) {
                        synchronized (out) {
                            out.println(start + " " + Sh.nowMicros() + " " + line.strip());
                        }
                    }
                } catch (IOException e) {
                    // unreachable right now: that is what the probe measures
                }
            });
            Thread.sleep(intervalMs);
        }
    }
}
