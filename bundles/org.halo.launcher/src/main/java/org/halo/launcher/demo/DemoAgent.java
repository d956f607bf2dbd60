package org.halo.launcher.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs inside a demo namespace ({@code ip netns exec NS java -cp LAUNCHER_JAR ...DemoAgent}):
 * {@code serve PORT NAME} answers each TCP connection with NAME; {@code probe HOST PORT} connects
 * every 10 ms (300 ms timeout, several in flight) and prints {@code <epoch-micros> <answer>}.
 */
public final class DemoAgent {
    private DemoAgent() {
    }

    public static void main(String[] args) throws Exception {
        if ("serve".equals(args[0])) {
            serve(Integer.parseInt(args[1]), args[2]);
        } else if ("probe".equals(args[0])) {
            probe(args[1], Integer.parseInt(args[2]));
        } else {
            throw new IllegalArgumentException(args[0]);
        }
    }

    static long nowMicros() {
        java.time.Instant i = java.time.Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    private static void serve(int port, String name) throws IOException {
        byte[] answer = (name + "\n").getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), 256);
            while (true) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(answer);
                } catch (IOException e) {
                    // client went away; keep serving
                }
            }
        }
    }

    private static void probe(String host, int port) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        ExecutorService pool = Executors.newFixedThreadPool(40, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        while (true) {
            pool.execute(() -> {
                try (Socket s = new Socket()) {
                    s.setSoTimeout(300);
                    s.connect(new InetSocketAddress(host, port), 300);
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                    if (line != null) {
                        synchronized (out) {
                            out.println(nowMicros() + " " + line.strip());
                        }
                    }
                } catch (IOException e) {
                    // not reachable right now: that is what the probe measures
                }
            });
            Thread.sleep(10);
        }
    }
}
