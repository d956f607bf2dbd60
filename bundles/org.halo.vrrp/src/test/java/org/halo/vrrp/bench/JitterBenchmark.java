package org.halo.vrrp.bench;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.halo.vrrp.engine.InstanceConfig;
import org.halo.vrrp.engine.OutboundAdvert;
import org.halo.vrrp.engine.ThreadEventLoop;
import org.halo.vrrp.engine.VirtualAddress;
import org.halo.vrrp.engine.VrrpEngine;
import org.halo.vrrp.engine.VrrpNetwork;
import org.halo.vrrp.engine.VrrpState;

/**
 * Advert timing jitter of the real event loop: 255 VRRPv3 instances (owners, so MASTER at once) at a 10 ms
 * interval while other threads keep the heap under allocation pressure. Prints p50/p99/max of |interval -
 * 10 ms|. Arguments: seconds (20), pressure threads (1), objects kept live per thread (200000). Not a test: run {@code mvn -f bundles/org.halo.vrrp/pom.xml -Pbench verify} or this main directly.
 */
public final class JitterBenchmark {

    public static void main(String[] args) throws Exception {
        int instances = 255;
        long intervalMs = 10;
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        int pressureThreads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int retained = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int maxSends = (int) (seconds * 1000 / intervalMs) + 200;
        long[][] sendTimes = new long[instances + 1][maxSends];
        int[] counts = new int[instances + 1];
        VrrpNetwork net = new VrrpNetwork() {
            @Override
            public void sendAdvert(OutboundAdvert a) {
                int vrid = a.vrrpMessage()[1] & 0xff;
                if (counts[vrid] < maxSends) {
                    sendTimes[vrid][counts[vrid]++] = System.nanoTime();
                }
            }

            @Override
            public void addAddresses(String i, String f, List<VirtualAddress> v, boolean accept) {
            }

            @Override
            public void removeAddresses(String i, String f, List<VirtualAddress> v) {
            }

            @Override
            public void announce(String i, String f, List<VirtualAddress> v, int rounds) {
            }
        };
        AtomicBoolean running = new AtomicBoolean(true);
        long[] allocated = new long[pressureThreads];
        List<Thread> pressure = new ArrayList<>();
        for (int t = 0; t < pressureThreads; t++) {
            int idx = t;
            Thread th = new Thread(() -> {
                // keep a rotating window of live objects so the collector has old-generation work too
                Object[] keep = new Object[retained];
                long n = 0;
                while (running.get()) {
                    keep[(int) (n % keep.length)] = new byte[64 + (int) (n % 2048)];
                    n++;
                }
                allocated[idx] = n;
            }, "alloc-pressure-" + t);
            th.setDaemon(true);
            pressure.add(th);
            th.start();
        }
        try (ThreadEventLoop loop = new ThreadEventLoop("vrrp-bench")) {
            VrrpEngine engine = new VrrpEngine(loop, net, null, (l, m) -> {
            });
            List<InstanceConfig> cfgs = new ArrayList<>();
            for (int vrid = 1; vrid <= instances; vrid++) {
                cfgs.add(InstanceConfig.builder("VI_" + vrid, vrid, "eth0", InetAddress.getByName("10.0.0.1"))
                        .priority(255).version(3).advertIntervalMillis(intervalMs)
                        .virtualAddress(VirtualAddress.of(InetAddress.getByName("10.1." + vrid / 250 + "." + (vrid % 250 + 1)), 32))
                        .build());
            }
            engine.configure(cfgs, List.of());
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long masters = engine.snapshots().stream().filter(s -> s.state() == VrrpState.MASTER).count();
            engine.shutdown().get(5, TimeUnit.SECONDS);
            running.set(false);
            for (Thread th : pressure) {
                th.join();
            }
            int total = 0;
            for (int v = 1; v <= instances; v++) {
                total += Math.max(0, counts[v] - 2);
            }
            long[] dev = new long[total];
            int k = 0;
            // skip the first interval (start-up) and the last (priority-0 advert at shutdown)
            for (int v = 1; v <= instances; v++) {
                for (int i = 2; i < counts[v] - 1; i++) {
                    if (k < dev.length) {
                        dev[k++] = Math.abs(sendTimes[v][i] - sendTimes[v][i - 1] - intervalMs * 1_000_000L);
                    }
                }
            }
            dev = Arrays.copyOf(dev, k);
            Arrays.sort(dev);
            long allocs = Arrays.stream(allocated).sum();
            System.out.printf("advert jitter: %d instances x %d ms for %d s, %d masters, %d intervals, "
                    + "%d alloc-pressure thread(s) (%.1f M objects, %.1f GB allocated, %d kept live), load avg %.1f%n",
                    instances, intervalMs, seconds, masters, dev.length, pressureThreads, allocs / 1e6,
                    allocs * 1100 / 1e9, retained,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("  |interval - %d ms|: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
                    intervalMs, dev[dev.length / 2] / 1e6, dev[(int) (dev.length * 0.99)] / 1e6,
                    dev[(int) (dev.length * 0.999)] / 1e6, dev[dev.length - 1] / 1e6);
            System.out.printf("  JVM: %s %s, heap max %d MB, GC: %s%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                    java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(g -> g.getName() + " " + g.getCollectionCount() + "x/" + g.getCollectionTime() + "ms")
                            .toList());
        }
    }
}
