/**
 * Notifier plug-in point: a {@link org.halo.api.notify.Notifier} is told after a VRRP instance/group
 * or a real-server transition. Events enter through the core's {@link org.halo.api.notify.EventPublisher}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.halo.api.notify;
