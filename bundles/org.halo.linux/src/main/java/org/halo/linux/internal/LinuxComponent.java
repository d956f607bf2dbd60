package org.halo.linux.internal;

import java.util.ArrayList;
import java.util.List;

import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.Netlink;
import org.halo.linux.api.Sysctl;
import org.halo.linux.api.VrrpSockets;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers the Linux layer as four services in the daemon's own network namespace (the one SCR's
 * activation thread is in). One component so that they share one netlink socket.
 */
@Component(immediate = true)
public final class LinuxComponent {
    private final LinuxStack stack;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public LinuxComponent(BundleContext context) throws LinuxException {
        this.stack = LinuxStack.open();
        registrations.add(context.registerService(Netlink.class, stack.netlink(), null));
        registrations.add(context.registerService(VrrpSockets.class, stack.vrrpSockets(), null));
        registrations.add(context.registerService(Announcer.class, stack.announcer(), null));
        registrations.add(context.registerService(Sysctl.class, stack.sysctl(), null));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping the bundle anyway
            }
        }
        stack.close();
    }
}
