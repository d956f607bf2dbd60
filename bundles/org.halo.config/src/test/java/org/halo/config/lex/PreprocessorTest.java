package org.halo.config.lex;

import static org.halo.config.TestFiles.load;
import static org.halo.config.TestFiles.problems;
import static org.halo.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.halo.config.LoadResult;
import org.halo.config.diag.Diagnostics;
import org.halo.config.model.VrrpInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;

    private List<String> lines(String text, String id) throws Exception {
        Path f = write(dir, "k.conf", text);
        Diagnostics d = new Diagnostics();
        return new Preprocessor(id, d).run(f, "k.conf").stream()
            .map(l -> l.number() + ":" + l.tokens().stream().map(Token::text).collect(Collectors.joining("|")))
            .collect(Collectors.toList());
    }

    @Test
    void commentsAnywhereAndQuoting() throws Exception {
        assertEquals(List.of("1:a|b c|d", "2:x|#y z"),
            lines("a \"b c\" d # comment\n  x '#y z' ! other\n! whole line\n# another\n", "main"));
    }

    @Test
    void escapesInQuotes() throws Exception {
        assertEquals(List.of("1:a\tb|\"q\""), lines("\"a\\tb\" \"\\\"q\\\"\"\n", "main"));
    }

    @Test
    void bracesAreWordsOfTheirOwn() throws Exception {
        assertEquals(List.of("1:authentication|{|auth_type|PASS|}"), lines("authentication {auth_type PASS}\n", "main"));
    }

    @Test
    void conditionals() throws Exception {
        String t = "@main a 1\n@backup a 2\n@^main b 3\n@^backup b 4\n";
        assertEquals(List.of("1:a|1", "4:b|4"), lines(t, "main"));
        assertEquals(List.of("2:a|2", "3:b|3"), lines(t, "backup"));
    }

    @Test
    void parametersRecursiveAtUseTime() throws Exception {
        String t = "$BASE=10.2.${SUB}\n$SUB=0\n${BASE}.100/32\n$SUB=10\n${BASE}.100/32\n$UNDEF_OK\n";
        assertEquals(List.of("3:10.2.0.100/32", "5:10.2.10.100/32", "6:$UNDEF_OK"), lines(t, "main"));
    }

    @Test
    void multiLineParameterExpandsToLines() throws Exception {
        String t = "$INST= \\\nvrrp_instance VI_${N} { \\\n  priority 1${N} \\\n}\n$N=1\n$INST\n$N=2\n$INST\n";
        assertEquals(List.of("6:vrrp_instance|VI_1|{", "6:priority|11", "6:}", "8:vrrp_instance|VI_2|{", "8:priority|12", "8:}"),
            lines(t, "main"));
    }

    @Test
    void conditionalParameterAndPredefined() throws Exception {
        String t = "@main $P=240\n@backup $P=200\npriority $P\nx ${_INSTANCE} ${_HASH}${_BANG}\n";
        assertEquals(List.of("3:priority|240", "4:x|main|#!"), lines(t, "main"));
        List<String> pwd = lines("d ${_PWD}\n", "main");
        assertEquals("1:d|" + dir.toAbsolutePath().normalize(), pwd.get(0));
        String r = lines("r ${_RANDOM 5 7}\n", "main").get(0);
        int v = Integer.parseInt(r.substring(r.indexOf('|') + 1));
        assertTrue(v >= 5 && v <= 7, r);
    }

    @Test
    void seqAndLst() throws Exception {
        assertEquals(List.of("1:ip|10.0.0.1", "1:ip|10.0.1.1", "1:ip|10.0.2.1"), lines("~SEQ(S, 0, 2) ip 10.0.${S}.1\n", "main"));
        assertEquals(List.of("1:fe80::90", "1:fe80::a0"), lines("~SEQx(A, 144, 16, 160) fe80::${A}\n", "main"));
        assertEquals(List.of("1:1.5", "1:1.6", "1:2.5", "1:2.6"), lines("~LST(A, 1, 2) ~LST(B, 5,6) ${A}.${B}\n", "main"));
        assertEquals(List.of("1:10.1", "1:20.4"), lines("~LST({X, Y}, {10,1},{20,4}) ${X}.${Y}\n", "main"));
    }

    @Test
    void includeWithGlobAndBracesRelativeToIncludingFile() throws Exception {
        write(dir, "conf.d/a.conf", "a 1\n");
        write(dir, "conf.d/b.conf", "b 2\n");
        write(dir, "conf.d/c.other", "c 3\n");
        write(dir, "x/y.conf", "y 4\ninclude ../conf.d/{a,b}.conf\n");
        List<String> l = lines("include conf.d/*.conf\ninclude x/y.conf\n", "main");
        assertEquals(List.of("1:a|1", "1:b|2", "1:y|4", "1:a|1", "1:b|2"), l);
    }

    @Test
    void everyLineKeepsItsFile() throws Exception {
        write(dir, "inc.conf", "vrrp_instance X {\n  bogus 1\n}\n");
        LoadResult r = load(write(dir, "main.conf", "include inc.conf\n"));
        assertTrue(r.diagnostics().all().stream().anyMatch(d -> d.file().endsWith("inc.conf") && d.line() == 2
            && d.message().equals("Unknown keyword 'bogus'")), problems(r).toString());
    }

    @Test
    void generatedInstancesReachTheModel() throws Exception {
        LoadResult r = load(write(dir, "k.conf",
            "~SEQ(I, 1, 3) vrrp_instance V${I} { interface eth0 }\n"));
        List<VrrpInstance> v = r.model().vrrpInstances();
        assertEquals(3, v.size());
        assertEquals("eth0", v.get(2).iface());
    }
}
