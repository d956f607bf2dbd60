package org.halo.api.check;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Provided by the core plug-in host: the health of every configured check (real-server checks and
 * {@code vrrp_script}s), after fall/rise. The VRRP engine subscribes to it for {@code track_script}
 * status changes and applies the script's {@code weight} property itself.
 *
 * <p>Listeners are called on the host's single status thread, in order, never concurrently; a listener
 * must only hand the change over to its own event loop. A listener that throws is logged and kept.
 */
@ProviderType
public interface CheckRegistry {

    /** All checks currently configured. */
    Collection<CheckStatus> statuses();

    /** One check by {@link CheckTarget#id()}. */
    Optional<CheckStatus> status(String id);

    /**
     * Subscribes to changes of health, dynamic weight or checker availability (not to every probe). The
     * listener is first called once with every current status, then with every change.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(Consumer<CheckStatus> listener);
}
