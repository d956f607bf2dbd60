package org.halo.config.model;

import java.time.Duration;

/** vrrp_script: command, period and rise/fall; weight 0 means "fault on failure". */
public record VrrpScript(String name, Source source, String script, Duration interval, Duration timeout, int weight,
                         boolean weightReverse, int rise, int fall, String user, boolean initFail, Options options) {
}
