package org.halo.vrrp.runtime.net;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.halo.linux.api.Address;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Route;
import org.halo.linux.api.Rule;

/**
 * Adds and removes an instance's VIPs, routes and rules through rtnetlink, with keepalived's log
 * lines ("(VI_1) setting VIPs.", "(VI_1) removing VIPs."). Called on the engine loop only. An address
 * that is already there (EEXIST) counts as set, one already gone counts as removed: both happen after
 * a killed predecessor or an operator's hand edit, and keepalived tolerates them too.
 */
public final class VipOwner {
    private static final Logger LOG = Logger.getLogger(VipOwner.class.getName());
    private static final int EEXIST = 17;

    private final Netlink netlink;
    private final VipSpec spec;
    private boolean set;

    public VipOwner(Netlink netlink, VipSpec spec) {
        this.netlink = netlink;
        this.spec = spec;
    }

    public boolean isSet() {
        return set;
    }

    public VipSpec spec() {
        return spec;
    }

    /**
     * At start-up, before the first state: removes VIPs left over by a predecessor killed before it
     * could remove them (keepalived logs "(VI_1) removing VIPs." at start for the same reason).
     */
    public List<Address> removeLeftovers() {
        LOG.finest("(" + spec.instance() + ") removing leftover VIPs");
        try {
            return netlink.removeLeftovers(spec.addresses());
        } catch (LinuxException e) {
            LOG.log(Level.WARNING, "(" + spec.instance() + ") cannot remove leftover VIPs: " + e.getMessage());
            return List.of();
        }
    }

    /** Adds every VIP, then routes and rules. Returns the addresses that failed. */
    public List<Address> set() {
        LOG.finest("(" + spec.instance() + ") setting VIPs"); // the engine logs keepalived's line
        List<Address> failed = new ArrayList<>();
        for (Address a : spec.addresses()) {
            try {
                netlink.addAddress(a);
            } catch (LinuxException e) {
                if (e.errno() != EEXIST) {
                    failed.add(a);
                    LOG.warning("(" + spec.instance() + ") cannot add VIP " + VipSpec.describe(a) + ": " + e.getMessage());
                }
            }
        }
        for (Route r : spec.routes()) {
            try {
                netlink.addRoute(r);
            } catch (LinuxException e) {
                if (e.errno() != EEXIST) {
                    LOG.warning("(" + spec.instance() + ") cannot add route " + r + ": " + e.getMessage());
                }
            }
        }
        for (Rule r : spec.rules()) {
            try {
                netlink.addRule(r);
            } catch (LinuxException e) {
                if (e.errno() != EEXIST) {
                    LOG.warning("(" + spec.instance() + ") cannot add rule " + r + ": " + e.getMessage());
                }
            }
        }
        set = true;
        return failed;
    }

    /** Removes rules, routes, then VIPs (reverse order of {@link #set()}). */
    public void remove() {
        LOG.finest("(" + spec.instance() + ") removing VIPs"); // the engine logs keepalived's line
        for (Rule r : spec.rules()) {
            try {
                netlink.removeRule(r);
            } catch (LinuxException e) {
                LOG.warning("(" + spec.instance() + ") cannot remove rule " + r + ": " + e.getMessage());
            }
        }
        for (Route r : spec.routes()) {
            try {
                netlink.removeRoute(r);
            } catch (LinuxException e) {
                LOG.warning("(" + spec.instance() + ") cannot remove route " + r + ": " + e.getMessage());
            }
        }
        for (Address a : spec.addresses()) {
            try {
                netlink.removeAddress(a);
            } catch (LinuxException e) {
                LOG.warning("(" + spec.instance() + ") cannot remove VIP " + VipSpec.describe(a) + ": " + e.getMessage());
            }
        }
        set = false;
    }
}
