package org.halo.notify.script;

import org.halo.api.notify.HaloEvent;
import org.halo.api.notify.RealServerEvent;
import org.halo.api.notify.VirtualServiceEvent;
import org.halo.api.notify.VrrpEvent;

/** keepalived's notify FIFO line formats (vrrp_notify.c notify_fifo, ipwrapper.c notify_fifo_vs/rs). */
final class FifoLines {

    private FifoLines() {
    }

    /** {@code INSTANCE "VI_1" MASTER 100}, {@code GROUP "G1" BACKUP 0}, {@code RS rs vs UP}, {@code VS vs DOWN}. */
    static String line(HaloEvent e) {
        if (e instanceof VrrpEvent v) {
            return v.scope().name() + " \"" + v.name() + "\" " + v.state().name() + " " + v.priority() + "\n";
        }
        if (e instanceof RealServerEvent r) {
            return "RS " + r.realServer() + " " + r.virtualService() + " " + (r.up() ? "UP" : "DOWN") + "\n";
        }
        VirtualServiceEvent s = (VirtualServiceEvent) e;
        return "VS " + s.virtualService() + " " + (s.up() ? "UP" : "DOWN") + "\n";
    }

    /** VRRP lines also go to {@code vrrp_notify_fifo}; LVS lines to {@code lvs_notify_fifo}. */
    static boolean isVrrp(HaloEvent e) {
        return e instanceof VrrpEvent;
    }
}
