package org.halo.config.grammar;

/** Validates one parsed keyword (arity, ranges, ...) and reports in keepalived's wording. */
@FunctionalInterface
public interface Check {
    Check NONE = (n, ctx) -> {
    };

    void check(Node node, ParseContext ctx);

    default Check and(Check other) {
        return (n, ctx) -> {
            check(n, ctx);
            other.check(n, ctx);
        };
    }
}
