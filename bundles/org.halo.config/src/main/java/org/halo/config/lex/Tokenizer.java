package org.halo.config.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one comment-free line into words as keepalived's {@code alloc_strvec_quoted_escaped} does:
 * whitespace separates words, {@code "..."} and {@code '...'} keep their whitespace (the quote characters are
 * removed and may join adjacent text), backslash escapes inside quotes follow keepalived.conf(5)
 * "Quoted strings", and unquoted braces are words of their own.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Position of the first unquoted '#' or '!' (a comment start), or -1. */
    public static int commentStart(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' || c == '!') {
                return i;
            }
        }
        return -1;
    }

    public static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quotedWord = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                char q = c;
                i++;
                inWord = true;
                quotedWord = true;
                while (i < n && s.charAt(i) != q) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        i = unescape(s, i + 1, cur);
                    } else {
                        cur.append(d);
                        i++;
                    }
                }
                i++; // closing quote (or end of line for an unterminated quote)
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Token(cur.toString(), quotedWord));
                    cur.setLength(0);
                    inWord = false;
                    quotedWord = false;
                }
                i++;
                continue;
            }
            if (c == '{' || c == '}') {
                if (inWord) {
                    out.add(new Token(cur.toString(), quotedWord));
                    cur.setLength(0);
                    inWord = false;
                    quotedWord = false;
                }
                out.add(new Token(String.valueOf(c), false));
                i++;
                continue;
            }
            cur.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            out.add(new Token(cur.toString(), quotedWord));
        }
        return out;
    }

    /** Decodes the escape starting at {@code s[i]} (the character after the backslash); returns the next index. */
    private static int unescape(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        switch (c) {
            case 'a': out.append('\007'); return i + 1;
            case 'b': out.append('\b'); return i + 1;
            case 'E': out.append('\033'); return i + 1;
            case 'f': out.append('\f'); return i + 1;
            case 'n': out.append('\n'); return i + 1;
            case 'r': out.append('\r'); return i + 1;
            case 't': out.append('\t'); return i + 1;
            case 'v': out.append('\013'); return i + 1;
            case 'x': {
                int j = i + 1;
                int v = 0;
                while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
                    v = v * 16 + Character.digit(s.charAt(j), 16);
                    j++;
                }
                if (j == i + 1) {
                    out.append('x');
                } else {
                    out.append((char) v);
                }
                return j;
            }
            case 'c':
                if (i + 1 < s.length()) {
                    out.append((char) (Character.toUpperCase(s.charAt(i + 1)) ^ 0x40));
                    return i + 2;
                }
                out.append('c');
                return i + 1;
            default:
                if (c >= '0' && c <= '7') {
                    int j = i;
                    int v = 0;
                    while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) (v & 0xff));
                    return j;
                }
                out.append(c);
                return i + 1;
        }
    }
}
