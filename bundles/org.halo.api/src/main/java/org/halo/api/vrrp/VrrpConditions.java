package org.halo.api.vrrp;

/**
 * Names of the MASTER marker services. While instance {@code VI_1} is MASTER the VRRP engine registers
 * an {@code org.osgi.service.condition.Condition} service with
 * {@code osgi.condition.id=halo.vrrp.master.VI_1}; it unregisters it as soon as the instance leaves
 * MASTER (before the VIPs are removed). A component that must only run on the master (e.g. a forwarder
 * that programs the data plane) references it with a target filter from {@link #masterFilter(String)}.
 */
public final class VrrpConditions {

    /** The {@code osgi.condition.id} service property (OSGi Condition Service specification). */
    public static final String CONDITION_ID = "osgi.condition.id";

    /** Prefix of the condition ids; the instance name follows. */
    public static final String MASTER_PREFIX = "halo.vrrp.master.";

    private VrrpConditions() {
    }

    /** The {@code osgi.condition.id} value registered while {@code instance} is MASTER. */
    public static String masterConditionId(String instance) {
        return MASTER_PREFIX + instance;
    }

    /** An LDAP filter selecting the MASTER condition of {@code instance}. */
    public static String masterFilter(String instance) {
        return "(" + CONDITION_ID + "=" + escape(masterConditionId(instance)) + ")";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
