package org.halo.config.lex;

/**
 * One word of a configuration line. {@code quoted} is true when any part of it came from a quoted string,
 * so that a quoted {@code "{"} is text and not a block delimiter.
 */
public record Token(String text, boolean quoted) {

    public boolean isOpen() {
        return !quoted && "{".equals(text);
    }

    public boolean isClose() {
        return !quoted && "}".equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
