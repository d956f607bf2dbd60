package org.halo.itest.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.halo.testing.FelixHarness;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Forwarder hot swap in a running framework: a forwarder that goes away leaves the data plane as it is;
 * one that (re)appears is reconciled with the current desired table at once.
 */
class ForwarderHotSwapTest {

    /** Stands in for a kernel table: it outlives forwarder services. */
    private final AtomicLong planeGeneration = new AtomicLong(-1);

    private ServiceRegistration<?> register(FelixHarness h, List<Long> calls) throws Exception {
        Bundle api = Plugins.api(h);
        Class<?> fwd = api.loadClass("org.halo.api.forward.Forwarder");
        Class<?> table = api.loadClass("org.halo.api.forward.ForwardingTable");
        Object proxy = Proxy.newProxyInstance(fwd.getClassLoader(), new Class<?>[] {fwd}, (p, m, args) -> {
            switch (m.getName()) {
                case "reconcile" -> {
                    long gen = (Long) table.getMethod("generation").invoke(args[0]);
                    calls.add(gen);
                    planeGeneration.set(gen);
                    return CompletableFuture.completedFuture(args[0]);
                }
                case "actual" -> {
                    return CompletableFuture.completedFuture(null);
                }
                case "hashCode" -> {
                    return System.identityHashCode(p);
                }
                case "equals" -> {
                    return p == args[0];
                }
                case "toString" -> {
                    return "itest forwarder";
                }
                default -> throw new UnsupportedOperationException(m.getName());
            }
        });
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("halo.forwarder.name", "itest");
        return api.getBundleContext().registerService(fwd.getName(), proxy, props);
    }

    private static void setDesired(FelixHarness h, long generation) throws Exception {
        Bundle api = Plugins.api(h);
        Class<?> table = api.loadClass("org.halo.api.forward.ForwardingTable");
        Object t = table.getConstructor(long.class, List.class).newInstance(generation, List.of());
        ServiceReference<?> ref = h.context().getAllServiceReferences("org.halo.api.forward.ForwardingControl", null)[0];
        Object control = h.context().getService(ref);
        try {
            api.loadClass("org.halo.api.forward.ForwardingControl").getMethod("setDesired", String.class, table)
                    .invoke(control, "itest", t);
        } finally {
            h.context().ungetService(ref);
        }
    }

    private void awaitPlane(long generation) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (planeGeneration.get() != generation) {
            if (System.nanoTime() > end) {
                throw new AssertionError("plane at " + planeGeneration.get() + ", expected " + generation);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void goneForwarderLeavesThePlaneAndAReturningOneIsReconciled() throws Exception {
        try (FelixHarness h = FelixHarness.builder().start()) {
            h.awaitService("org.halo.api.forward.ForwardingControl", null, Duration.ofSeconds(30));
            List<Long> first = new CopyOnWriteArrayList<>();
            ServiceRegistration<?> a = register(h, first);
            setDesired(h, 1);
            awaitPlane(1);
            assertTrue(h.execute("halo:forwarders").contains("itest"));

            a.unregister();
            setDesired(h, 2);
            Thread.sleep(300);
            assertEquals(1, planeGeneration.get(), "no forwarder: the data plane is left as it is");

            List<Long> second = new CopyOnWriteArrayList<>();
            register(h, second);
            awaitPlane(2);
            assertEquals(List.of(2L), second, "the returning forwarder gets the current desired table");
            assertEquals(List.of(1L), first, "the gone one is not called again");
        }
    }
}
