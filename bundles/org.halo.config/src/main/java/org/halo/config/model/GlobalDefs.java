package org.halo.config.model;

import java.time.Duration;
import java.util.List;

/** global_defs. Durations are null when not set (keepalived's default applies). */
public record GlobalDefs(Source source, String routerId, List<String> notificationEmail, String notificationEmailFrom,
                         String smtpServer, Duration smtpConnectTimeout, boolean vrrpStrict, boolean enableScriptSecurity,
                         String scriptUser, Duration vrrpGarpInterval, Duration vrrpGnaInterval, boolean vrrpSkipCheckAdvAddr,
                         Integer vrrpVersion, String vrrpMcastGroup4, String vrrpMcastGroup6, Options options) {
    public GlobalDefs {
        notificationEmail = List.copyOf(notificationEmail);
    }
}
