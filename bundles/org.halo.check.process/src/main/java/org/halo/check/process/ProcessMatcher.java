package org.halo.check.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.halo.api.check.CheckTarget;

/**
 * Which processes count, as keepalived 2.2.7 decides (track_process.c, vrrp_parser.c): the name is compared
 * exactly with the process name (/proc/PID/comm, at most 15 characters) or, with {@code full_command}, with
 * argv[0] of /proc/PID/cmdline. Parameters given after the name, or {@code param_match}, imply full_command;
 * parameters are compared NUL-separated with the rest of the command line: EXACT all of them, PARTIAL the first
 * n exactly, INITIAL the first n where the last may be longer than configured.
 *
 * @param params the configured parameters joined with NUL, each NUL-terminated; empty for none
 */
record ProcessMatcher(String name, byte[] params, ParamMatch match, boolean fullCommand) {

    enum ParamMatch {
        NONE, EXACT, PARTIAL, INITIAL
    }

    /** From the target's {@code process}, {@code param_match} and {@code full_command} properties. */
    static ProcessMatcher from(CheckTarget t) {
        String[] words = t.property("process", "").trim().split("\\s+");
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        for (int i = 1; i < words.length; i++) {
            params.writeBytes(words[i].getBytes(StandardCharsets.UTF_8));
            params.write(0);
        }
        ParamMatch match = switch (t.property("param_match", "").trim()) {
            case "" -> words.length > 1 ? ParamMatch.EXACT : ParamMatch.NONE;
            case "initial" -> ParamMatch.INITIAL;
            case "partial" -> ParamMatch.PARTIAL;
            default -> ParamMatch.EXACT; // a bare param_match ("true"): the command must have exactly these
        };
        boolean full = match != ParamMatch.NONE || t.property("full_command").map(v -> !v.equals("false")).orElse(false);
        return new ProcessMatcher(words[0], params.toByteArray(), match, full);
    }

    boolean matches(String comm, byte[] cmdline) {
        int end = indexOfNul(cmdline);
        String name = fullCommand ? new String(cmdline, 0, end, StandardCharsets.UTF_8) : comm;
        if (!this.name.equals(name)) {
            return false;
        }
        if (match == ParamMatch.NONE) {
            return true;
        }
        byte[] actual = end < cmdline.length ? Arrays.copyOfRange(cmdline, end + 1, cmdline.length) : new byte[0];
        return paramsMatch(actual);
    }

    /** keepalived track_process.c check_params. */
    private boolean paramsMatch(byte[] actual) {
        if (match == ParamMatch.EXACT) {
            return Arrays.equals(actual, params);
        }
        if (actual.length < params.length) {
            return false;
        }
        int n = match == ParamMatch.INITIAL ? Math.max(0, params.length - 1) : params.length;
        return Arrays.equals(actual, 0, n, params, 0, n);
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }
}
