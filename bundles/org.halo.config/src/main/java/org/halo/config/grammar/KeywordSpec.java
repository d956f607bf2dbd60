package org.halo.config.grammar;

import java.util.List;

/**
 * One keyword of a block in the registry.
 *
 * @param name        canonical keyword
 * @param aliases     other spellings accepted for it (e.g. lb_algo for lvs_sched)
 * @param kind        how it is parsed
 * @param check       validation of the arguments
 * @param block       the sub-block for BLOCK/CHECKER keywords (LIST uses {@code itemCheck}), else null
 * @param itemCheck   validation of each item of a LIST block
 * @param implemented false when Halo parses but does not implement it yet: reported as a warning
 * @param deprecated  replacement keyword when deprecated (keepalived warns), else null
 * @param blockOptional for keywords that may be used with or without a block (e.g. vrrp_garp_... groups)
 * @param doc         one line for docs/config-keywords.md
 */
public record KeywordSpec(String name, List<String> aliases, Kind kind, Check check, BlockSpec block, Check itemCheck,
                          boolean implemented, String deprecated, boolean blockOptional, String doc) {

    public KeywordSpec withCheck(Check c) {
        return new KeywordSpec(name, aliases, kind, check == Check.NONE ? c : check.and(c), block, itemCheck, implemented, deprecated,
            blockOptional, doc);
    }

    public KeywordSpec withItemCheck(Check c) {
        return new KeywordSpec(name, aliases, kind, check, block, c, implemented, deprecated, blockOptional, doc);
    }

    public KeywordSpec withImplemented(boolean impl) {
        return new KeywordSpec(name, aliases, kind, check, block, itemCheck, impl, deprecated, blockOptional, doc);
    }

    public KeywordSpec withDeprecated(String replacement) {
        return new KeywordSpec(name, aliases, kind, check, block, itemCheck, implemented, replacement, blockOptional, doc);
    }

    public KeywordSpec withAliases(List<String> al) {
        return new KeywordSpec(name, List.copyOf(al), kind, check, block, itemCheck, implemented, deprecated, blockOptional, doc);
    }

    public KeywordSpec withDoc(String d) {
        return new KeywordSpec(name, aliases, kind, check, block, itemCheck, implemented, deprecated, blockOptional, d);
    }
}
