package org.halo.vrrp.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A vrrp_sync_group (keepalived vrrp_sync.c): a member may become MASTER only when every other member
 * wants MASTER too; when one becomes MASTER, leaves MASTER or enters FAULT, the others follow.
 */
final class SyncGroup {
    final SyncGroupConfig cfg;
    final List<Instance> members = new ArrayList<>();
    final VrrpEngine engine;
    VrrpState state = VrrpState.BACKUP;
    boolean faulted;
    private boolean syncing;

    SyncGroup(VrrpEngine engine, SyncGroupConfig cfg) {
        this.engine = engine;
        this.cfg = cfg;
    }

    /** vrrp_sync_can_goto_master. */
    boolean canGotoMaster(Instance who) {
        if (faulted) {
            return false;
        }
        for (Instance m : members) {
            if (m != who && m.state != VrrpState.MASTER && m.wantState != VrrpState.MASTER) {
                return false;
            }
        }
        return true;
    }

    /** vrrp_sync_master: the other members follow into MASTER. */
    void memberBecameMaster(Instance who) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (state != VrrpState.MASTER) {
                engine.log(LogSink.Level.INFO, "VRRP_Group(" + cfg.name() + ") Syncing instances to MASTER state");
                setState(VrrpState.MASTER);
            }
            for (Instance m : members) {
                if (m != who && m.state == VrrpState.BACKUP) {
                    m.gotoMaster("sync group " + cfg.name() + " MASTER", true);
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** vrrp_sync_backup: the other MASTER members leave MASTER. */
    void memberLeftMaster(Instance who) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (state != VrrpState.BACKUP) {
                engine.log(LogSink.Level.INFO, "VRRP_Group(" + cfg.name() + ") Syncing instances to BACKUP state");
                setState(VrrpState.BACKUP);
            }
            for (Instance m : members) {
                if (m != who && m.state == VrrpState.MASTER) {
                    m.leaveMaster(VrrpState.BACKUP, "sync group " + cfg.name() + " BACKUP");
                }
            }
        } finally {
            syncing = false;
        }
    }

    /** vrrp_sync_fault and its reverse: any member's own fault puts the whole group in FAULT. */
    void faultChanged(String cause) {
        boolean f = false;
        for (Instance m : members) {
            f |= m.ownFault;
        }
        if (f == faulted) {
            return;
        }
        faulted = f;
        if (f) {
            engine.log(LogSink.Level.INFO, "VRRP_Group(" + cfg.name() + ") Syncing instances to FAULT state");
            setState(VrrpState.FAULT);
        } else {
            setState(VrrpState.BACKUP);
        }
        for (Instance m : members) {
            m.groupFault = f;
        }
        for (Instance m : members) {
            m.reevaluateFault(cause);
        }
    }

    /** keepalived sends garp_lower_prio GARPs for the other members too. */
    void lowerPrioGarp(Instance who) {
        for (Instance m : members) {
            if (m != who) {
                m.lowerPrioGarp();
            }
        }
    }

    private void setState(VrrpState s) {
        VrrpState old = state;
        state = s;
        if (old != s) {
            engine.event(() -> engine.events.syncGroupChanged(cfg.name(), old, s));
        }
    }
}
