package org.halo.vrrp.runtime.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.halo.linux.api.Address;
import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;

/**
 * Sends an instance's gratuitous ARPs (IPv4 VIPs) and unsolicited NAs (IPv6 VIPs) as keepalived does
 * on becoming MASTER: a burst of {@code repeat} per VIP at once, a second burst after
 * {@code delaySeconds}, then refresh bursts every {@code refreshSeconds}. Everything runs on the
 * engine loop through {@link Scheduler}; {@link #stop()} on leaving MASTER cancels what is pending.
 */
public final class Announcements {
    private static final Logger LOG = Logger.getLogger(Announcements.class.getName());

    /** Source of the sender MAC (interface MAC, or the VMAC with use_vmac); resolved when sending. */
    public interface Source {
        MacAddress mac(String device) throws LinuxException;
    }

    private final String instance;
    private final List<Address> vips;
    private final Announcer announcer;
    private final Source source;
    private final Scheduler scheduler;
    private final GarpPlan plan;
    private final List<Scheduler.Cancellable> pending = new ArrayList<>();

    public Announcements(String instance, List<Address> vips, Announcer announcer, Source source, Scheduler scheduler, GarpPlan plan) {
        this.instance = instance;
        this.vips = List.copyOf(vips);
        this.announcer = announcer;
        this.source = source;
        this.scheduler = scheduler;
        this.plan = plan;
    }

    /** Called right after the VIPs are set on becoming MASTER. */
    public void start() {
        stop();
        if (vips.isEmpty()) {
            return;
        }
        LOG.info("(" + instance + ") Sending/queueing gratuitous ARPs on " + vips.get(0).device() + " for "
                + vips.get(0).address().getHostAddress());
        burst(plan.repeat());
        if (plan.delaySeconds() > 0) {
            pending.add(scheduler.schedule(() -> burst(plan.repeat()), plan.delaySeconds() * 1000L));
        }
        if (plan.refreshSeconds() > 0) {
            scheduleRefresh();
        }
    }

    private void scheduleRefresh() {
        pending.add(scheduler.schedule(() -> {
            burst(plan.refreshRepeat());
            scheduleRefresh();
        }, plan.refreshSeconds() * 1000L));
    }

    /** Cancels pending bursts (leaving MASTER, shutdown). */
    public void stop() {
        pending.forEach(Scheduler.Cancellable::cancel);
        pending.clear();
    }

    private void burst(int count) {
        for (int n = 0; n < count; n++) {
            if (n > 0 && plan.intervalMillis() > 0) {
                final int remaining = count - n;
                pending.add(scheduler.schedule(() -> burst(remaining), plan.intervalMillis()));
                return;
            }
            for (Address vip : vips) {
                announce(vip);
            }
        }
    }

    private void announce(Address vip) {
        try {
            MacAddress mac = source.mac(vip.device());
            if (vip.address() instanceof Inet4Address v4) {
                LOG.fine("Sending gratuitous ARP on " + vip.device() + " for " + v4.getHostAddress());
                announcer.gratuitousArp(vip.device(), mac, v4);
            } else if (vip.address() instanceof Inet6Address v6) {
                LOG.fine("Sending unsolicited Neighbour Advert on " + vip.device() + " for " + v6.getHostAddress());
                announcer.unsolicitedNa(vip.device(), mac, v6, false);
            }
        } catch (LinuxException | RuntimeException e) {
            LOG.warning("(" + instance + ") cannot announce " + vip.address().getHostAddress() + ": " + e.getMessage());
        }
    }
}
