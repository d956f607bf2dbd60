package org.halo.vrrp.runtime.track;

/**
 * How keepalived 2.2.7 reads a track_file (track_file.c process_track_file): at most 127 bytes through
 * {@code strtol(buf, NULL, 0)}: leading white space, an optional sign, then hex ({@code 0x}), octal (leading
 * {@code 0}) or decimal digits up to the first other character; no digits, an empty, missing or unreadable file
 * read as 0. A number outside the C int range is logged and ignored (the previous value stays).
 */
final class TrackFileValue {
    /** keepalived reads {@code sizeof(buf) - 1} bytes. */
    static final int MAX_BYTES = 127;

    private TrackFileValue() {
    }

    /** strtol with base 0; saturates at Long.MIN_VALUE / Long.MAX_VALUE as strtol does on ERANGE. */
    static long strtol(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && s.charAt(i) == '0') {
            radix = 8;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) > 0x7f) {
                break;
            }
            if (value > (Long.MAX_VALUE - d) / radix) {
                overflow = true;
            } else {
                value = value * radix + d;
            }
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -value : value;
    }

    /** keepalived takes the value only when it fits a C int. */
    static boolean usable(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }
}
