package org.halo.check.script.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a keepalived script line into words as keepalived does before {@code execve}: whitespace
 * separates words, single and double quotes group, a backslash escapes the next character. No shell
 * is involved (a script that needs one says so: {@code "/bin/sh -c '...'"}).
 */
public final class ScriptLine {

    private ScriptLine() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote in: " + line);
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
