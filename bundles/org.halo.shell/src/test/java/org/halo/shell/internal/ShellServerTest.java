package org.halo.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The wire protocol and socket permissions, against a scripted stand-in for Gogo. */
class ShellServerTest {

    @TempDir
    Path run;

    private final List<String> executed = new ArrayList<>();

    @Test
    void framesOutputErrorsAndExitStatusPerCommandInOneSession() throws Exception {
        ShellServer server = new ShellServer(context(run.toString()), processor());
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(run.resolve("shell/shell.sock")));
            DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
            DataInputStream rep = new DataInputStream(Channels.newInputStream(ch));

            assertEquals("printed\n<hello>\n|0", call(req, rep, "greet"));
            assertEquals("E:it broke\n|1", call(req, rep, "boom"));
            assertEquals("|0", call(req, rep, "quiet"));
            assertEquals(List.of("greet", "boom", "quiet"), executed);
        } finally {
            server.deactivate();
        }
        assertFalse(Files.exists(run.resolve("shell/shell.sock")), "socket removed on deactivate");
    }

    @Test
    void socketIsRootOnlyAndAStaleOneIsReplaced() throws Exception {
        Files.createDirectories(run.resolve("shell"));
        Files.writeString(run.resolve("shell/shell.sock"), "stale");
        ShellServer server = new ShellServer(context(run.toString()), processor());
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("shell"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve("shell/shell.sock"))));
        } finally {
            server.deactivate();
        }
    }

    @Test
    void refusesToStartWithoutARunDirectory() {
        assertThrows(IllegalStateException.class, () -> new ShellServer(context(null), processor()));
    }

    /** One request; the reply rendered as "text", "E:" + error text, then "|" + exit status. */
    private static String call(DataOutputStream req, DataInputStream rep, String cmd) throws Exception {
        byte[] b = cmd.getBytes(StandardCharsets.UTF_8);
        req.writeInt(b.length);
        req.write(b);
        req.flush();
        StringBuilder sb = new StringBuilder();
        while (true) {
            int tag = rep.readByte();
            int len = rep.readInt();
            if (tag == 'X') {
                return sb.append('|').append(len).toString();
            }
            String text = new String(rep.readNBytes(len), StandardCharsets.UTF_8);
            sb.append(tag == 'E' ? "E:" : "").append(text);
        }
    }

    private static BundleContext context(String runDir) {
        return (BundleContext) Proxy.newProxyInstance(ShellServerTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> m.getName().equals("getProperty") && "halo.run.dir".equals(a[0]) ? runDir : null);
    }

    private CommandProcessor processor() {
        return (CommandProcessor) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CommandProcessor.class},
                (p, m, a) -> {
                    if (!m.getName().equals("createSession")) {
                        return null;
                    }
                    PrintStream out = (PrintStream) a[1];
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CommandSession.class},
                            (s, sm, sa) -> switch (sm.getName()) {
                                case "execute" -> {
                                    String cmd = sa[0].toString();
                                    executed.add(cmd);
                                    if (cmd.equals("boom")) {
                                        throw new IllegalArgumentException("it broke");
                                    }
                                    if (cmd.equals("greet")) {
                                        out.println("printed");
                                        yield "hello";
                                    }
                                    yield null;
                                }
                                case "format" -> "<" + sa[0] + ">";
                                default -> null;
                            });
                });
    }
}
