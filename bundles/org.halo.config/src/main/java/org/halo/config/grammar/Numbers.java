package org.halo.config.grammar;

import java.math.BigInteger;

import org.halo.config.diag.Severity;

/**
 * keepalived's number readers (lib/parser.c read_int_func, read_unsigned_func, read_decimal_unsigned_long_func)
 * with their exact messages, as run under {@code -t}: every failure is reported and returns false.
 */
public final class Numbers {
    private Numbers() {
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xffffffffL);

    /** strtol/strtoul-like parse of base 10 (or 0 for auto): null if not fully numeric. */
    static BigInteger parse(String s, int base) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        boolean neg = false;
        int i = 0;
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            neg = t.charAt(0) == '-';
            i = 1;
        }
        int radix = base == 0 ? 10 : base;
        if (base == 0 && t.startsWith("0x", i)) {
            radix = 16;
            i += 2;
        } else if (base == 0 && t.length() > i + 1 && t.charAt(i) == '0') {
            radix = 8;
        }
        if (i >= t.length()) {
            return null;
        }
        for (int j = i; j < t.length(); j++) {
            if (Character.digit(t.charAt(j), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(t.substring(i), radix);
        return neg ? v.negate() : v;
    }

    public static Integer readInt(Node n, int index, int min, int max, ParseContext ctx) {
        String s = n.arg(index - 1);
        BigInteger v = parse(s, 10);
        if (v == null) {
            ctx.report(n, Severity.INVALID_NUMBER, "invalid number '" + s + "'");
        } else if (v.compareTo(INT_MIN) < 0 || v.compareTo(INT_MAX) > 0) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside integer range");
        } else if (v.intValue() < min || v.intValue() > max) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside range [" + min + ", " + max + "]");
        } else {
            return v.intValue();
        }
        return null;
    }

    public static Long readUnsigned(Node n, int index, long min, long max, ParseContext ctx) {
        String s = n.arg(index - 1);
        String t = s.stripLeading();
        if (t.startsWith("-")) {
            ctx.report(n, Severity.INVALID_NUMBER, "negative number '" + s + "'");
            return null;
        }
        BigInteger v = parse(t, 10);
        if (v == null || t.startsWith("+") && t.length() == 1) {
            ctx.report(n, Severity.INVALID_NUMBER, "invalid number '" + s + "'");
        } else if (v.compareTo(UINT_MAX) > 0) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside unsigned integer range");
        } else if (v.longValue() < min || v.longValue() > max) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside range [" + min + ", " + max + "]");
        } else {
            return v.longValue();
        }
        return null;
    }

    /** Fixed-point decimal with {@code shift} decimal places, returns value * 10^shift. */
    public static Long readDecimal(Node n, int index, long min, long max, int shift, ParseContext ctx) {
        return readDecimal(n, index, min, max, shift, true, ctx);
    }

    /**
     * As keepalived's read_decimal_unsigned_long_func: with {@code ignoreError} (as every 2.2.7 timer handler passes)
     * an invalid number whose parsed prefix is in range is still accepted after the message.
     */
    public static Long readDecimal(Node n, int index, long min, long max, int shift, boolean ignoreError, ParseContext ctx) {
        String s = n.arg(index - 1);
        if (s.startsWith("-")) {
            ctx.report(n, Severity.INVALID_NUMBER, "negative number '" + s + "'");
            return null;
        }
        int dp = s.indexOf('.');
        int numDp = dp >= 0 ? s.length() - dp - 1 : 0;
        boolean roundUp = false;
        if (numDp > shift) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' has too many decimal places");
            roundUp = s.charAt(dp + shift + 1) >= '5';
            numDp = shift;
        }
        String digits = dp >= 0 ? s.substring(0, dp) + s.substring(dp + 1, dp + 1 + numDp) : s;
        digits = digits + "0".repeat(shift - numDp);
        BigInteger v = parse(digits, 10);
        boolean invalid = false;
        if (v == null || digits.startsWith("+") || digits.startsWith("-")) {
            ctx.report(n, Severity.INVALID_NUMBER, "invalid number '" + s + "'");
            v = strtoullPrefix(digits);
            invalid = true;
        }
        if (roundUp) {
            v = v.add(BigInteger.ONE);
        }
        if (v.bitLength() > 63) {
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside unsigned decimal range");
            return null;
        }
        long val = v.longValue();
        if (invalid) {
            // message already given; keepalived still returns "ok" when the value read is in range
            return ignoreError && val >= min && val <= max ? val : null;
        }
        if (val < min || val > max) {
            long p = 1;
            for (int d = 0; d < shift; d++) {
                p *= 10;
            }
            String f = "%d.%0" + shift + "d";
            // Long.MAX_VALUE stands for keepalived's TIMER_MAXIMUM (ULONG_MAX - 1)
            String maxS = max == Long.MAX_VALUE ? "18446744073709.551614" : String.format(f, max / p, max % p);
            ctx.report(n, Severity.INVALID_NUMBER, "number '" + s + "' outside range [" + String.format(f, min / p, min % p) + ", "
                + maxS + "]");
            return null;
        }
        return val;
    }

    /** strtoull of the leading digits (0 if none). */
    private static BigInteger strtoullPrefix(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? BigInteger.ZERO : new BigInteger(s.substring(0, i));
    }

    /** keepalived's check_true_false: 1 true, 0 false, -1 neither. */
    public static int trueFalse(String s) {
        if ("true".equals(s) || "on".equals(s) || "yes".equals(s)) {
            return 1;
        }
        if ("false".equals(s) || "off".equals(s) || "no".equals(s)) {
            return 0;
        }
        return -1;
    }
}
