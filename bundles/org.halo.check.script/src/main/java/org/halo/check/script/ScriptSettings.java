package org.halo.check.script;

import java.time.Duration;
import java.util.Map;

import org.halo.check.script.exec.ScriptUser;

/**
 * Global script settings from {@code global_defs}, published under PID {@value #PID}:
 * {@code script_user} ({@code user [group]}), {@code enable_script_security} (flag) and
 * {@code halo.script.kill_grace} (seconds between SIGTERM and SIGKILL after a timeout, default 1).
 */
record ScriptSettings(ScriptUser defaultUser, boolean security, Duration killGrace) {

    static final String PID = "org.halo.global";

    static ScriptSettings from(Map<String, ?> config) {
        Object user = config.get("script_user");
        Object sec = config.get("enable_script_security");
        Object grace = config.get("halo.script.kill_grace");
        boolean security = sec != null && !String.valueOf(sec).equalsIgnoreCase("false");
        ScriptUser u = user == null ? ScriptUser.defaultUser() : ScriptUser.parse(String.valueOf(user));
        Duration g = grace == null ? Duration.ofSeconds(1)
                : Duration.ofMillis((long) (Double.parseDouble(String.valueOf(grace)) * 1000));
        return new ScriptSettings(u, security, g);
    }
}
