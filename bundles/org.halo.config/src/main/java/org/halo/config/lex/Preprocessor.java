package org.halo.config.lex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.halo.config.diag.Diagnostics;
import org.halo.config.diag.Severity;

/**
 * The lexical layer of keepalived.conf(5): comments, {@code include} (with globs and the checking variants),
 * {@code @ID}/{@code @^ID} conditionals, {@code $NAME=value} parameters (multi-line, recursive, pre-defined
 * {@code ${_PWD}} {@code ${_INSTANCE}} {@code ${_RANDOM}} {@code ${_HASH}} {@code ${_BANG}}), {@code ~SEQ}/
 * {@code ~SEQx}/{@code ~LST} generators and tokenising. Every produced {@link Line} keeps the file and line
 * it came from. All resources are bounded so that hostile input ends in a diagnostic, never a hang.
 */
public final class Preprocessor {
    /** Longest physical line accepted; keepalived's own buffer is far smaller. */
    static final int MAX_LINE = 64 * 1024;
    /** Total bytes read over all files (a config is never anywhere near this). */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Total preprocessed lines (the ~SEQ example of keepalived.conf(5) makes ~1M). */
    static final int MAX_LINES = 2_000_000;
    static final int MAX_INCLUDE_DEPTH = 32;
    static final int MAX_SUBST_ROUNDS = 64;

    private static final Pattern PARAM_DEF = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.DOTALL);
    private static final Pattern GEN = Pattern.compile("^~(SEQx?|LST)\\(");

    private final String configId;
    private final Diagnostics diags;
    private final Map<String, String> params = new HashMap<>();
    private final Random random = new Random();
    private final List<Line> out = new ArrayList<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private long bytesRead;
    private boolean aborted;

    public Preprocessor(String configId, Diagnostics diags) {
        this.configId = configId;
        this.diags = diags;
    }

    /** Preprocesses {@code file} and everything it includes. {@code shownName} is how the file is named in diagnostics. */
    public List<Line> run(Path file, String shownName) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs) || !canOpen(abs)) {
            diags.add(null, 0, Severity.FILE_NOT_FOUND, (Files.exists(abs) ? "Unable to read configuration file " : "Unable to find configuration file ") + shownName);
            return out;
        }
        readFile(abs, shownName, null, 0);
        return out;
    }

    private void readFile(Path abs, String shown, String fromFile, int fromLine) {
        if (includeStack.contains(abs)) {
            diags.add(fromFile, fromLine, Severity.GENERAL_ERROR, "Configuration file " + shown + " includes itself (include cycle) - ignored");
            return;
        }
        if (includeStack.size() >= MAX_INCLUDE_DEPTH) {
            diags.add(fromFile, fromLine, Severity.GENERAL_ERROR, "include nesting deeper than " + MAX_INCLUDE_DEPTH + " - " + shown + " ignored");
            return;
        }
        includeStack.push(abs);
        String savedPwd = params.get("_PWD");
        Path dir = abs.getParent();
        params.put("_PWD", dir == null ? "/" : dir.toString());
        MultiLine pending = null;
        try (InputStream in = Files.newInputStream(abs)) {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] chunk = new byte[65536];
            byte[] line = new byte[256];
            int len = 0;
            int lineNo = 0;
            boolean tooLong = false;
            int n;
            boolean eof = false;
            while (!eof && !aborted) {
                n = in.read(chunk);
                if (n < 0) {
                    eof = true;
                    if (len == 0 && !tooLong) {
                        break;
                    }
                    n = 0;
                }
                if (bytesRead + n > MAX_BYTES) {
                    diags.add(shown, lineNo + 1, Severity.FATAL, "configuration exceeds " + (MAX_BYTES >> 20) + " MiB - not read further");
                    diags.abort();
                    aborted = true;
                    break;
                }
                bytesRead += n;
                int start = 0;
                for (int i = 0; i <= n && !aborted; i++) {
                    boolean end = i < n ? chunk[i] == '\n' : eof;
                    if (!end) {
                        continue;
                    }
                    int seg = (i < n ? i : n) - start;
                    if (!tooLong && len + seg <= MAX_LINE) {
                        line = append(line, len, chunk, start, seg);
                        len += seg;
                    } else {
                        tooLong = true;
                    }
                    start = i + 1;
                    if (eof && i == n && len == 0 && !tooLong) {
                        break;
                    }
                    lineNo++;
                    if (tooLong) {
                        diags.add(shown, lineNo, Severity.GENERAL_ERROR, "line longer than " + MAX_LINE + " bytes - ignored");
                    } else {
                        String text = decode(dec, java.util.Arrays.copyOf(line, len), shown, lineNo);
                        if (pending != null) {
                            pending = pending.add(text);
                            if (pending.done) {
                                params.put(pending.name, pending.value.toString());
                                pending = null;
                            }
                        } else {
                            pending = processRaw(text, shown, lineNo, 0);
                        }
                    }
                    len = 0;
                    tooLong = false;
                }
                if (!eof && start < n) {
                    int seg = n - start;
                    if (!tooLong && len + seg <= MAX_LINE) {
                        line = append(line, len, chunk, start, seg);
                        len += seg;
                    } else {
                        tooLong = true;
                    }
                }
            }
        } catch (IOException e) {
            diags.add(fromFile == null ? shown : fromFile, fromFile == null ? 0 : fromLine, Severity.FILE_NOT_FOUND,
                "Unable to read configuration file " + shown + ": " + e.getMessage());
        } finally {
            if (pending != null) {
                params.put(pending.name, pending.value.toString());
            }
            if (savedPwd == null) {
                params.remove("_PWD");
            } else {
                params.put("_PWD", savedPwd);
            }
            includeStack.pop();
        }
    }

    private static byte[] append(byte[] line, int len, byte[] src, int off, int n) {
        byte[] l = line;
        if (len + n > l.length) {
            l = java.util.Arrays.copyOf(l, Math.max(len + n, l.length * 2));
        }
        System.arraycopy(src, off, l, len, n);
        return l;
    }

    private String decode(CharsetDecoder dec, byte[] bytes, String shown, int lineNo) {
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        try {
            dec.reset();
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes, 0, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            String latin = new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            int c = Tokenizer.commentStart(latin);
            int bad = firstInvalid(bytes, len);
            // keepalived reads bytes; invalid UTF-8 inside a comment is harmless, elsewhere it is an error.
            if (c < 0 || bad < c) {
                diags.add(shown, lineNo, Severity.GENERAL_ERROR, "invalid UTF-8 at column " + (bad + 1));
            }
            return latin;
        }
    }

    private static int firstInvalid(byte[] b, int len) {
        int i = 0;
        while (i < len) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : (c >= 0xc2 && c <= 0xdf) ? 1 : (c >= 0xe0 && c <= 0xef) ? 2 : (c >= 0xf0 && c <= 0xf4) ? 3 : -1;
            if (n < 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= len || (b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return 0;
    }

    /** A multi-line {@code $NAME= \} definition being collected. */
    private static final class MultiLine {
        final String name;
        final StringBuilder value = new StringBuilder();
        boolean done;

        MultiLine(String name) {
            this.name = name;
        }

        MultiLine add(String text) {
            String t = text.strip();
            if (t.endsWith("\\")) {
                value.append(t, 0, t.length() - 1).append('\n');
            } else {
                value.append(t);
                done = true;
            }
            return this;
        }
    }

    /** Processes one raw line; returns a multi-line definition if the line starts one. */
    private MultiLine processRaw(String text, String file, int lineNo, int depth) {
        if (aborted) {
            return null;
        }
        if (depth > MAX_SUBST_ROUNDS) {
            diags.add(file, lineNo, Severity.GENERAL_ERROR, "parameter expansion nested too deeply - line ignored");
            return null;
        }
        int c = Tokenizer.commentStart(text);
        String t = (c >= 0 ? text.substring(0, c) : text).strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.charAt(0) == '@') {
            int sp = firstSpace(t);
            boolean neg = t.length() > 1 && t.charAt(1) == '^';
            String id = t.substring(neg ? 2 : 1, sp);
            boolean match = id.equals(configId);
            if (match == neg) {
                return null;
            }
            t = t.substring(sp).strip();
            if (t.isEmpty()) {
                return null;
            }
        }
        if (t.charAt(0) == '$') {
            Matcher m = PARAM_DEF.matcher(t);
            if (m.matches()) {
                String name = m.group(1);
                String value = m.group(2).strip();
                if (value.endsWith("\\")) {
                    MultiLine ml = new MultiLine(name);
                    String first = value.substring(0, value.length() - 1).strip();
                    if (!first.isEmpty()) {
                        ml.value.append(first).append('\n');
                    }
                    return ml;
                }
                params.put(name, value);
                return null;
            }
        }
        if (t.charAt(0) == '~' && GEN.matcher(t).find()) {
            generate(t, file, lineNo, depth);
            return null;
        }
        String s = substitute(t, file, lineNo);
        if (s == null) {
            return null;
        }
        if (s.indexOf('\n') >= 0) {
            // A multi-line parameter expands into several lines, each processed like a line of the file.
            MultiLine pending = null;
            for (String part : s.split("\n", -1)) {
                if (pending != null) {
                    pending.add(part);
                    if (pending.done) {
                        params.put(pending.name, pending.value.toString());
                        pending = null;
                    }
                    continue;
                }
                pending = processRaw(part, file, lineNo, depth + 1);
            }
            if (pending != null) {
                params.put(pending.name, pending.value.toString());
            }
            return null;
        }
        if (!s.equals(t)) {
            // The substituted text may itself be a conditional, definition or generator ($IF_MAIN=@main).
            String st = s.strip();
            if (!st.isEmpty() && (st.charAt(0) == '@' || st.charAt(0) == '$' || st.charAt(0) == '~')) {
                return processRaw(st, file, lineNo, depth + 1);
            }
        }
        // keepalived checks for include after conditionals and parameters (lib/parser.c read_line/check_include).
        if (s.startsWith("include") && s.length() > 8) {
            char c7 = s.charAt(7);
            char c8 = s.charAt(8);
            if (Character.isWhitespace(c7) || (Character.isWhitespace(c8) && "rmwba".indexOf(c7) >= 0)) {
                include(Character.isWhitespace(c7) ? ' ' : c7, s.substring(Character.isWhitespace(c7) ? 8 : 9).strip(), file, lineNo);
                return null;
            }
        }
        emit(s, file, lineNo);
        return null;
    }

    private static int firstSpace(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isWhitespace(t.charAt(i))) {
                return i;
            }
        }
        return t.length();
    }

    private void emit(String s, String file, int lineNo) {
        List<Token> tokens = Tokenizer.split(s);
        if (tokens.isEmpty()) {
            return;
        }
        if (out.size() >= MAX_LINES) {
            diags.add(file, lineNo, Severity.FATAL, "configuration expands to more than " + MAX_LINES + " lines - not read further");
            diags.abort();
            aborted = true;
            return;
        }
        out.add(new Line(file, lineNo, tokens));
    }

    /** Replaces {@code $NAME} (followed by whitespace or end) and {@code ${NAME}}; undefined names stay. */
    String substitute(String t, String file, int lineNo) {
        String cur = t;
        for (int round = 0; round < MAX_SUBST_ROUNDS; round++) {
            if (cur.indexOf('$') < 0) {
                return cur;
            }
            String next = substituteOnce(cur);
            if (next.equals(cur)) {
                return cur;
            }
            if (next.length() > MAX_LINE * 16) {
                diags.add(file, lineNo, Severity.GENERAL_ERROR, "parameter expansion longer than " + (MAX_LINE * 16) + " characters - line ignored");
                return null;
            }
            cur = next;
        }
        diags.add(file, lineNo, Severity.GENERAL_ERROR, "parameter substitution does not terminate (recursive definition?) - line ignored");
        return null;
    }

    private String substituteOnce(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= n) {
                b.append(c);
                i++;
                continue;
            }
            if (s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i + 2);
                if (end > 0) {
                    String inner = s.substring(i + 2, end);
                    String v = lookup(inner);
                    if (v != null) {
                        b.append(v);
                        i = end + 1;
                        continue;
                    }
                }
                b.append(c);
                i++;
                continue;
            }
            int j = i + 1;
            if (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_') {
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                if (j == n || Character.isWhitespace(s.charAt(j))) {
                    String v = lookup(s.substring(i + 1, j));
                    if (v != null) {
                        b.append(v);
                        i = j;
                        continue;
                    }
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private String lookup(String inner) {
        String name = inner.strip();
        switch (name) {
            case "_INSTANCE":
                return configId;
            case "_HASH":
                return "#";
            case "_BANG":
                return "!";
            default:
                break;
        }
        if (name.startsWith("_RANDOM")) {
            String[] p = name.split("\\s+");
            if (p[0].equals("_RANDOM")) {
                try {
                    long min = p.length > 1 ? Long.parseLong(p[1]) : 0;
                    long max = p.length > 2 ? Long.parseLong(p[2]) : 32767;
                    if (max < min) {
                        return null;
                    }
                    return Long.toString(min + (long) (random.nextDouble() * (max - min + 1)));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return params.get(name);
    }

    /** Seeds {@code ${_RANDOM}} (global_defs random_seed). */
    public void seed(long seed) {
        random.setSeed(seed);
    }

    // ---- ~SEQ / ~SEQx / ~LST -------------------------------------------------------------------------

    private void generate(String t, String file, int lineNo, int depth) {
        int open = t.indexOf('(');
        int close = matchingParen(t, open);
        if (close < 0) {
            diags.add(file, lineNo, Severity.GENERAL_ERROR, "Invalid " + t.substring(0, open) + " specification - missing ')'");
            return;
        }
        String kind = t.substring(1, open);
        String spec = substitute(t.substring(open + 1, close), file, lineNo);
        String rest = t.substring(close + 1).strip();
        if (spec == null) {
            return;
        }
        String saved;
        if (kind.startsWith("SEQ")) {
            String[] a = spec.split(",");
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i].strip();
            }
            if (a.length < 2 || a.length > 4 || !a[0].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                diags.add(file, lineNo, Severity.GENERAL_ERROR, "Invalid ~" + kind + " specification '" + spec + "'");
                return;
            }
            long start;
            long step;
            long end;
            try {
                end = parseLong(a[a.length - 1]);
                start = a.length >= 3 ? parseLong(a[1]) : (end > 0 ? 1 : -1);
                step = a.length == 4 ? parseLong(a[2]) : (end >= start ? 1 : -1);
            } catch (NumberFormatException e) {
                diags.add(file, lineNo, Severity.GENERAL_ERROR, "Invalid ~" + kind + " specification '" + spec + "'");
                return;
            }
            if (step == 0 || (step > 0 && start > end) || (step < 0 && start < end)) {
                diags.add(file, lineNo, Severity.GENERAL_ERROR, "Invalid ~" + kind + " specification '" + spec + "'");
                return;
            }
            boolean hex = kind.equals("SEQx");
            saved = params.get(a[0]);
            for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                if (aborted) {
                    break;
                }
                params.put(a[0], hex ? Long.toHexString(v) : Long.toString(v));
                processRaw(rest, file, lineNo, depth + 1);
            }
            restore(a[0], saved);
        } else {
            List<String> vars = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            if (!parseList(spec, vars, rows)) {
                diags.add(file, lineNo, Severity.GENERAL_ERROR, "Invalid ~LST specification '" + spec + "'");
                return;
            }
            List<String> savedVals = new ArrayList<>();
            for (String v : vars) {
                savedVals.add(params.get(v));
            }
            for (List<String> row : rows) {
                if (aborted) {
                    break;
                }
                for (int i = 0; i < vars.size(); i++) {
                    params.put(vars.get(i), i < row.size() ? row.get(i) : "");
                }
                processRaw(rest, file, lineNo, depth + 1);
            }
            for (int i = 0; i < vars.size(); i++) {
                restore(vars.get(i), savedVals.get(i));
            }
        }
    }

    private void restore(String name, String saved) {
        if (saved == null) {
            params.remove(name);
        } else {
            params.put(name, saved);
        }
    }

    private static long parseLong(String s) {
        String v = s.strip();
        boolean neg = v.startsWith("-");
        if (neg) {
            v = v.substring(1);
        }
        long r = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        return neg ? -r : r;
    }

    private static int matchingParen(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            if (t.charAt(i) == '(') {
                depth++;
            } else if (t.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Parses {@code var, v1, v2} or {@code {a, b}, {1, 2}, {3, 4}}. */
    private static boolean parseList(String spec, List<String> vars, List<List<String>> rows) {
        List<List<String>> groups = new ArrayList<>();
        int i = 0;
        int n = spec.length();
        while (i < n) {
            char c = spec.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c == '{') {
                int end = spec.indexOf('}', i);
                if (end < 0) {
                    return false;
                }
                List<String> g = new ArrayList<>();
                for (String p : spec.substring(i + 1, end).split(",")) {
                    g.add(p.strip());
                }
                groups.add(g);
                i = end + 1;
            } else {
                int end = spec.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                groups.add(List.of(spec.substring(i, end).strip()));
                i = end;
            }
        }
        if (groups.size() < 2) {
            return false;
        }
        for (String v : groups.get(0)) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return false;
            }
            vars.add(v);
        }
        rows.addAll(groups.subList(1, groups.size()));
        return true;
    }

    // ---- include ----------------------------------------------------------------------------------------

    private static final int INC_R = 1;
    private static final int INC_M = 2;
    private static final int INC_W = 4;
    private static final int INC_B = 8;

    /** keepalived's check_include/open_and_check_glob: which problems are errors depends on the variant. */
    private void include(char variant, String pattern, String file, int lineNo) {
        int type;
        switch (variant) {
            case 'r': type = INC_R; break;
            case 'a': type = INC_R | INC_M | INC_B | INC_W; break;
            case 'w': type = INC_R | INC_M | INC_W; break;
            case 'm': type = INC_R | INC_M; break;
            case 'b': type = INC_R | INC_B; break;
            default: type = 0; break;
        }
        Path base = includeStack.isEmpty() ? Path.of("").toAbsolutePath() : includeStack.peek().getParent();
        List<Path> files;
        try {
            files = Glob.expand(base, pattern);
        } catch (IOException | RuntimeException e) {
            includeError(type, INC_R, file, lineNo, "Error reading config file(s): glob(\"" + pattern + "\") - " + e.getMessage() + ", skipping.");
            return;
        }
        boolean wild = pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
        if (files.isEmpty()) {
            if (!wild) {
                includeError(type, pattern.indexOf('{') >= 0 ? INC_B : INC_M, file, lineNo, "Config files missing '" + pattern + "'.");
            } else if ((type & INC_W) != 0) {
                includeError(type, INC_W, file, lineNo, "No config files matched '" + pattern + "'.");
            }
            return;
        }
        for (Path p : files) {
            if (aborted) {
                return;
            }
            Path abs = p.toAbsolutePath().normalize();
            if (Files.isDirectory(abs)) {
                continue;
            }
            if (!Files.isRegularFile(abs)) {
                // a FIFO or device would block or never end: refuse it instead of hanging
                includeError(type, INC_R, file, lineNo, "Configuration file '" + p + "' open problem (not a regular file) - skipping");
                continue;
            }
            if (!canOpen(abs)) {
                includeError(type, INC_R, file, lineNo, "Configuration file '" + p + "' open problem (Permission denied) - skipping");
                continue;
            }
            readFile(abs, p.toString(), file, lineNo);
        }
    }

    private static boolean canOpen(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** keepalived's file_config_error: an error only when the include variant asks for that check. */
    private void includeError(int type, int errorType, String file, int lineNo, String message) {
        diags.add(file, lineNo, (type & errorType) != 0 ? Severity.FILE_NOT_FOUND : Severity.INFO, message);
    }
}
