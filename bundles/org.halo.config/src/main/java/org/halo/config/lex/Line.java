package org.halo.config.lex;

import java.util.List;

/** A preprocessed configuration line: its words plus the file and 1-based line it came from. */
public record Line(String file, int number, List<Token> tokens) {

    public Line {
        tokens = List.copyOf(tokens);
    }

    public String word(int i) {
        return i < tokens.size() ? tokens.get(i).text() : null;
    }

    public int size() {
        return tokens.size();
    }
}
