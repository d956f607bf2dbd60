package org.halo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.halo.api.forward.Forwarder;
import org.halo.api.forward.ForwardingTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForwarderHostTest {

    private final ForwarderHost host = new ForwarderHost(Duration.ofMillis(200), Duration.ofMillis(10));

    @AfterEach
    void close() {
        host.close();
    }

    /** A data plane that outlives forwarder services, like the kernel's IPVS table. */
    static final class FakePlane {
        volatile ForwardingTable table = ForwardingTable.EMPTY;
    }

    static final class FakeForwarder implements Forwarder {
        final FakePlane plane;
        final List<Long> reconciled = new CopyOnWriteArrayList<>();
        final AtomicInteger failFirst;

        FakeForwarder(FakePlane plane, int failFirst) {
            this.plane = plane;
            this.failFirst = new AtomicInteger(failFirst);
        }

        @Override
        public CompletionStage<ForwardingTable> reconcile(ForwardingTable desired) {
            if (failFirst.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new IllegalStateException("netlink busy"));
            }
            plane.table = desired;
            reconciled.add(desired.generation());
            return CompletableFuture.completedFuture(desired);
        }

        @Override
        public CompletionStage<ForwardingTable> actual() {
            return CompletableFuture.completedFuture(plane.table);
        }
    }

    @Test
    void goneForwarderLeavesPlaneAndReturningOneReconciles() throws Exception {
        FakePlane plane = new FakePlane();
        FakeForwarder first = new FakeForwarder(plane, 0);
        host.addForwarder(first, Map.of(Forwarder.NAME, "ipvs"), PluginInfo.factory(null));
        host.setDesired("ipvs", new ForwardingTable(1, List.of()));
        CheckEngineTest.await("gen 1", () -> plane.table.generation() == 1);
        host.removeForwarder(first);
        host.setDesired("ipvs", new ForwardingTable(2, List.of()));
        Thread.sleep(50);
        assertEquals(1, plane.table.generation(), "nobody touches the plane while no forwarder is there");
        FakeForwarder second = new FakeForwarder(plane, 2);
        host.addForwarder(second, Map.of(Forwarder.NAME, "ipvs"), PluginInfo.factory(null));
        CheckEngineTest.await("gen 2 after retries", () -> plane.table.generation() == 2);
        assertEquals(2, host.forwarders().get(0).stats().failures.get());
        assertEquals(2, host.actual("ipvs").orElseThrow().generation());
    }

    @Test
    void otherNamesAreNotTouched() throws Exception {
        FakePlane plane = new FakePlane();
        FakeForwarder nginx = new FakeForwarder(plane, 0);
        host.addForwarder(nginx, Map.of(Forwarder.NAME, "nginx"), PluginInfo.factory(null));
        host.setDesired("ipvs", new ForwardingTable(5, List.of()));
        Thread.sleep(50);
        assertTrue(nginx.reconciled.isEmpty());
    }
}
