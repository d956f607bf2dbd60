package org.halo.systest.halo;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.halo.linux.Linux;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.LogSink;
import org.halo.vrrp.engine.SyncGroupConfig;
import org.halo.vrrp.engine.TrackConfig;
import org.halo.vrrp.engine.UnicastPeer;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.runtime.core.SourceAddresses;
import org.halo.vrrp.runtime.core.VrrpNode;

import sun.misc.Signal;

/**
 * Halo's VRRP core as a plain process for the namespace lab: C's engine, E's Linux layer and the
 * runtime's {@link VrrpNode} wiring, without Felix, the launcher or the config parser (those run in
 * the full daemon). Configuration comes as arguments produced by the lab's VrrpConf:
 * {@code --instance k=v,...}, {@code --group NAME=A+B}, {@code --script NAME=INTERVAL_S=COMMAND}.
 * Logs go to stdout with keepalived's timestamp prefix. SIGTERM: priority-0 adverts, VIPs removed,
 * exit 0, as keepalived.
 */
public final class HaloCoreNode {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private HaloCoreNode() {
    }

    static synchronized void log(String msg) {
        System.out.println(TS.format(ZonedDateTime.now()) + ": " + msg);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        List<Map<String, String>> instances = new ArrayList<>();
        List<SyncGroupConfig> groups = new ArrayList<>();
        Map<String, String[]> scripts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--instance" -> instances.add(kv(v));
                case "--group" -> groups.add(new SyncGroupConfig(v.substring(0, v.indexOf('=')), List.of(v.substring(v.indexOf('=') + 1).split("\\+")),
                        List.of()));
                case "--script" -> {
                    String[] p = v.split("=", 3);
                    scripts.put(p[0], new String[] {p[1], p[2]});
                }
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        log("Starting Halo VRRP core (engine + Linux layer), pid " + ProcessHandle.current().pid());
        Linux linux = Linux.open();
        LogSink sink = (level, message) -> log(message);
        VrrpNode node = new VrrpNode(linux.vrrpSockets(), linux.netlink(), linux.announcer(), sink);
        List<InstanceConfig> configs = new ArrayList<>();
        for (Map<String, String> m : instances) {
            configs.add(instance(m, linux));
        }
        Signal.handle(new Signal("TERM"), s -> {
            log("Stopping");
            node.shutdown(3000);
            linux.close();
            log("Stopped");
            Runtime.getRuntime().halt(0);
        });
        node.configure(configs, groups);
        // vrrp_script stand-in: run each script every interval with a timeout, fall/rise 1, report to the engine
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor();
        scripts.forEach((name, def) -> checks.scheduleWithFixedDelay(() -> node.trackStatus(TrackConfig.Kind.SCRIPT, name, runScript(def[1])), 0,
                Long.parseLong(def[0]), TimeUnit.SECONDS));
        Thread.currentThread().join();
    }

    private static boolean runScript(String command) {
        try {
            Process p = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> kv(String spec) {
        Map<String, String> m = new HashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            m.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "true" : part.substring(eq + 1));
        }
        return m;
    }

    private static InstanceConfig instance(Map<String, String> m, Linux linux) throws Exception {
        String ifname = m.getOrDefault("if", "eth0");
        boolean v6 = m.getOrDefault("vip", "").contains(":");
        InetAddress src = m.containsKey("src") ? InetAddress.getByName(m.get("src"))
                : SourceAddresses.primary(linux.netlink(), ifname, v6).orElseThrow(() -> new IllegalStateException("no source address on " + ifname));
        InstanceConfig.Builder b = InstanceConfig.builder(m.get("name"), Integer.parseInt(m.get("vrid")), ifname, src)
                .priority(Integer.parseInt(m.get("prio"))).version(Integer.parseInt(m.getOrDefault("version", "2")))
                .advertIntervalMillis(Long.parseLong(m.getOrDefault("advertMs", "1000"))).ipv6(v6);
        for (String vip : m.get("vip").split("\\+")) {
            String[] p = vip.split("/");
            b.virtualAddress(new VirtualAddress(InetAddress.getByName(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : -1, ifname, ""));
        }
        if (m.containsKey("peers")) {
            for (String peer : m.get("peers").split("\\+")) {
                b.unicastPeer(UnicastPeer.of(InetAddress.getByName(peer)));
            }
        }
        if (m.containsKey("auth")) {
            b.auth(AuthType.PASS, m.get("auth").getBytes(StandardCharsets.US_ASCII));
        }
        if (m.containsKey("nopreempt")) {
            b.nopreempt(true);
        }
        if (m.containsKey("preemptDelayMs")) {
            b.preemptDelayMillis(Long.parseLong(m.get("preemptDelayMs")));
        }
        if (m.containsKey("trackScript")) {
            for (String s : m.get("trackScript").split("\\+")) {
                String[] p = s.split(":");
                b.track(new TrackConfig(TrackConfig.Kind.SCRIPT, p[0], Integer.parseInt(p[1]), false));
            }
        }
        if (m.containsKey("trackIf")) {
            for (String s : m.get("trackIf").split("\\+")) {
                b.track(new TrackConfig(TrackConfig.Kind.INTERFACE, s, 0, false));
            }
        }
        return b.build();
    }
}
