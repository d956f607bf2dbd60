package org.halo.config.grammar;

/** How a keyword consumes its line and what follows. */
public enum Kind {
    /** keyword with arguments on the same line. */
    VALUE,
    /** a block of keywords: {@code kw [args] { ... }}. */
    BLOCK,
    /** a block whose lines are items, not keywords (virtual_ipaddress, unicast_peer, track_script, ...). */
    LIST,
    /** a checker block parsed generically into (type, properties). */
    CHECKER
}
