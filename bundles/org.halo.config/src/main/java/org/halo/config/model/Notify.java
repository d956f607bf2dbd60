package org.halo.config.model;

/** notify scripts of a vrrp_instance or vrrp_sync_group (null = not set). */
public record Notify(String master, String backup, String fault, String stop, String deleted, String generic,
                     String masterRxLowerPri, boolean smtpAlert, boolean priorityChanges) {
}
