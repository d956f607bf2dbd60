package org.halo.config.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The keywords accepted inside one block (or at the top level). Built once by {@link Registry}. */
public final class BlockSpec {
    private final String name;
    private final Map<String, KeywordSpec> byName = new HashMap<>();
    private final List<KeywordSpec> ordered = new ArrayList<>();
    /** Generic checker blocks: any keyword in the block becomes a property (plug-in checker types). */
    private final boolean generic;

    public BlockSpec(String name) {
        this(name, false);
    }

    public BlockSpec(String name, boolean generic) {
        this.name = name;
        this.generic = generic;
    }

    public String name() {
        return name;
    }

    public boolean generic() {
        return generic;
    }

    public KeywordSpec find(String keyword) {
        return byName.get(keyword);
    }

    public List<KeywordSpec> keywords() {
        return Collections.unmodifiableList(ordered);
    }

    public BlockSpec add(KeywordSpec k) {
        if (byName.containsKey(k.name())) {
            ordered.remove(byName.get(k.name()));
        }
        ordered.add(k);
        byName.put(k.name(), k);
        for (String a : k.aliases()) {
            byName.put(a, k);
        }
        return this;
    }

    /** The sub-block of keyword {@code name} (null if none). */
    public BlockSpec sub(String name) {
        KeywordSpec k = byName.get(name);
        return k == null ? null : k.block();
    }

    /** Replaces a keyword's spec (used to overlay checks on the generated tree). */
    public BlockSpec update(String name, java.util.function.UnaryOperator<KeywordSpec> fn) {
        KeywordSpec k = byName.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no keyword " + name + " in " + this.name);
        }
        KeywordSpec n = fn.apply(k);
        int idx = ordered.indexOf(k);
        ordered.set(idx, n);
        byName.put(n.name(), n);
        for (String a : n.aliases()) {
            byName.put(a, n);
        }
        return this;
    }

    // ---- small DSL used by Registry ----

    public BlockSpec value(String name, Check check, String doc) {
        return add(new KeywordSpec(name, List.of(), Kind.VALUE, check, null, null, true, null, false, doc));
    }

    /** Parsed and validated, but Halo does not act on it yet (reported as a warning with file:line). */
    public BlockSpec parsedOnly(String name, Check check, String doc) {
        return add(new KeywordSpec(name, List.of(), Kind.VALUE, check, null, null, false, null, false, doc));
    }

    public BlockSpec block(String name, Check check, BlockSpec sub, String doc) {
        return add(new KeywordSpec(name, List.of(), Kind.BLOCK, check, sub, null, true, null, false, doc));
    }

    public BlockSpec list(String name, Check itemCheck, String doc) {
        return add(new KeywordSpec(name, List.of(), Kind.LIST, Check.NONE, null, itemCheck, true, null, false, doc));
    }

    public BlockSpec alias(String name, String alias) {
        KeywordSpec k = byName.get(name);
        List<String> al = new ArrayList<>(k.aliases());
        al.add(alias);
        return add(new KeywordSpec(k.name(), List.copyOf(al), k.kind(), k.check(), k.block(), k.itemCheck(), k.implemented(),
            k.deprecated(), k.blockOptional(), k.doc()));
    }

    /** Makes the separately registered keyword {@code alias} an alias of {@code canonical} (same handler in keepalived). */
    public BlockSpec aliasOf(String alias, String canonical) {
        KeywordSpec a = byName.get(alias);
        if (a != null && a.name().equals(alias)) {
            ordered.remove(a);
            byName.remove(alias);
        }
        List<String> al = new ArrayList<>(byName.get(canonical).aliases());
        al.add(alias);
        return update(canonical, k -> k.withAliases(al));
    }

    /** Marks {@code name} deprecated in favour of {@code replacement}. */
    public BlockSpec deprecate(String name, String replacement) {
        KeywordSpec k = byName.get(name);
        return add(new KeywordSpec(k.name(), k.aliases(), k.kind(), k.check(), k.block(), k.itemCheck(), k.implemented(),
            replacement, k.blockOptional(), k.doc()));
    }

    /** Marks {@code name} as parsed but not implemented by Halo yet. */
    public BlockSpec notImplemented(String... names) {
        for (String name : names) {
            KeywordSpec k = byName.get(name);
            add(new KeywordSpec(k.name(), k.aliases(), k.kind(), k.check(), k.block(), k.itemCheck(), false,
                k.deprecated(), k.blockOptional(), k.doc()));
        }
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
