package org.halo.vrrp.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import org.halo.linux.api.Address;
import org.halo.linux.api.Announcer;
import org.halo.linux.api.MacAddress;
import org.junit.jupiter.api.Test;

/** keepalived's GARP timing on a fake clock: 5 at once, 5 more after 5 s, refresh bursts, cancel. */
class AnnouncementsTest {
    /** A fake loop: tasks run when the test advances time. */
    static final class FakeScheduler implements Scheduler {
        record Task(long at, Runnable r, boolean[] cancelled) {
        }

        long now;
        final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));

        @Override
        public Cancellable schedule(Runnable task, long delayMillis) {
            boolean[] c = {false};
            queue.add(new Task(now + delayMillis, task, c));
            return () -> c[0] = true;
        }

        void advance(long millis) {
            long end = now + millis;
            while (!queue.isEmpty() && queue.peek().at <= end) {
                Task t = queue.poll();
                now = t.at;
                if (!t.cancelled[0]) {
                    t.r.run();
                }
            }
            now = end;
        }
    }

    final List<String> sent = new ArrayList<>();
    final Announcer announcer = new Announcer() {
        @Override
        public void prepare(String device) {
            sent.add("prepare " + device);
        }

        @Override
        public void gratuitousArp(String device, MacAddress mac, Inet4Address vip) {
            sent.add("arp " + device + " " + mac + " " + vip.getHostAddress());
        }

        @Override
        public void unsolicitedNa(String device, MacAddress mac, Inet6Address vip, boolean router) {
            sent.add("na " + device + " " + mac + " " + vip.getHostAddress());
        }
    };
    final Announcements.Source source = device -> MacAddress.parse("02:77:00:00:00:11");

    private static Address vip(String ip) throws Exception {
        return Address.vip(InetAddress.getByName(ip), "eth0");
    }

    @Test
    void keepalivedDefaultsGiveTwoBurstsOfFive() throws Exception {
        FakeScheduler s = new FakeScheduler();
        Announcements a = new Announcements("VI_1", List.of(vip("10.77.0.100")), announcer, source, s, GarpPlan.KEEPALIVED_DEFAULTS);
        a.start();
        assertEquals(5, sent.size());
        assertEquals("arp eth0 02:77:00:00:00:11 10.77.0.100", sent.get(0));
        s.advance(4_999);
        assertEquals(5, sent.size());
        s.advance(1);
        assertEquals(10, sent.size());
        s.advance(60_000);
        assertEquals(10, sent.size(), "no refresh by default");
    }

    @Test
    void refreshIntervalAndIpv6AndCancel() throws Exception {
        FakeScheduler s = new FakeScheduler();
        Announcements a = new Announcements("VI_6", List.of(vip("fd77::100")), announcer, source, s, new GarpPlan(2, 0, 10, 1, 100));
        a.start();
        assertEquals(List.of("na eth0 02:77:00:00:00:11 fd77:0:0:0:0:0:0:100"), sent, "interval 100 ms: one now, one later");
        s.advance(100);
        assertEquals(2, sent.size());
        s.advance(9_900);
        assertEquals(3, sent.size(), "refresh after 10 s sends refresh_repeat = 1");
        a.stop();
        s.advance(60_000);
        assertEquals(3, sent.size(), "nothing after leaving MASTER");
    }
}
