package org.halo.config.cm.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import org.halo.config.cm.ConfigBridge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * keepalived's SIGHUP: re-read keepalived.conf. The launcher runs every {@code Runnable} service with
 * {@code halo.signal=HUP} on its own thread when the daemon receives SIGHUP.
 */
@Component(service = Runnable.class, property = "halo.signal=HUP")
public final class ReloadOnHangup implements Runnable {
    private static final Logger LOG = System.getLogger(ReloadOnHangup.class.getName());

    private final ConfigBridge bridge;

    @Activate
    public ReloadOnHangup(@Reference ConfigBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void run() {
        LOG.log(Level.INFO, "Reloading");
        LOG.log(Level.INFO, bridge.reload());
    }
}
