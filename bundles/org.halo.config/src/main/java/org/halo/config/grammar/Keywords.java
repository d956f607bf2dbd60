package org.halo.config.grammar;

/** Declares every block and keyword. */
final class Keywords {
    private Keywords() {
    }

    static BlockSpec root() {
        BlockSpec root = new BlockSpec("<root>");
        return root;
    }
}
