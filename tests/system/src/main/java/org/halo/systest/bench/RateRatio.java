package org.halo.systest.bench;

/**
 * Two event counts over windows of equal length (spurious takeovers of two daemons under the same loss) and
 * the exact 95 % confidence interval of the ratio of their rates: given n = a + b events, a is binomial with
 * p = rate_a / (rate_a + rate_b), so the Clopper-Pearson interval for p gives the interval for
 * p / (1 - p). Takeovers under random loss are a draw: a single run's ratio says little unless the interval
 * excludes 1.
 */
record RateRatio(double low, double high) {

    static RateRatio of(long a, long b) {
        long n = a + b;
        if (n == 0) {
            return new RateRatio(0, Double.POSITIVE_INFINITY);
        }
        double pLow = a == 0 ? 0 : solve(p -> upperTail(a, n, p) - 0.025);
        double pHigh = a == n ? 1 : solve(p -> 0.025 - lowerTail(a, n, p));
        return new RateRatio(odds(pLow), odds(pHigh));
    }

    private static double odds(double p) {
        return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p);
    }

    /** The root of an increasing function on (0, 1), by bisection. */
    private static double solve(java.util.function.DoubleUnaryOperator f) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(X <= k) for X ~ Bin(n, p). */
    static double lowerTail(long k, long n, double p) {
        double sum = 0;
        for (long i = 0; i <= k; i++) {
            sum += Math.exp(logPmf(i, n, p));
        }
        return Math.min(1, sum);
    }

    /** P(X >= k) for X ~ Bin(n, p). */
    static double upperTail(long k, long n, double p) {
        return k == 0 ? 1 : 1 - lowerTail(k - 1, n, p);
    }

    private static double logPmf(long k, long n, double p) {
        if (p <= 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return k == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    private static double logChoose(long n, long k) {
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "95 %% CI %.2f-%s", low, Double.isInfinite(high) ? "inf" : String.format(java.util.Locale.ROOT, "%.2f", high));
    }
}
