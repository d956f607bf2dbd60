package org.halo.launcher;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code halo shell [--name NAME | --run-dir DIR] [-c COMMAND]}: a Gogo session in a running daemon over
 * its Unix domain socket {@code RUN_DIR/shell/shell.sock}. Wire format (shared with org.halo.shell's
 * server): each request is {@code int length + UTF-8 command line}; each reply is a sequence of frames
 * {@code byte tag, int length, bytes} with tag 'O' (standard output) or 'E' (error text), closed by tag
 * 'X' whose length field is the command's exit status (0 ok, 1 failed).
 */
public final class ShellClient {

    private ShellClient() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String name = "default";
        Path runDir = null;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            if ((a.equals("-c") || a.equals("--command") || a.equals("--name") || a.equals("--run-dir")) && next == null) {
                err.println("halo shell: option " + a + " requires an argument");
                return 1;
            }
            switch (a) {
                case "-c", "--command" -> command = args[++i];
                case "--name" -> name = args[++i];
                case "--run-dir" -> runDir = Path.of(args[++i]);
                case "-h", "--help" -> {
                    out.println("Usage: halo shell [--name NAME | --run-dir DIR] [-c COMMAND]");
                    return 0;
                }
                default -> {
                    err.println("halo shell: unexpected argument '" + a + "'");
                    return 1;
                }
            }
        }
        Path socket = (runDir != null ? runDir : Main.RUN_ROOT.resolve(name)).resolve("shell/shell.sock");
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream req = new DataOutputStream(Channels.newOutputStream(ch));
            DataInputStream rep = new DataInputStream(Channels.newInputStream(ch));
            if (command != null) {
                return execute(command, req, rep, out, err);
            }
            return System.console() != null ? interactive(req, rep) : script(req, rep, out, err);
        } catch (IOException e) {
            err.println("halo shell: cannot reach daemon at " + socket + ": " + e.getMessage());
            return 2;
        }
    }

    static int execute(String command, DataOutputStream req, DataInputStream rep, PrintStream out, PrintStream err)
            throws IOException {
        byte[] b = command.getBytes(StandardCharsets.UTF_8);
        req.writeInt(b.length);
        req.write(b);
        req.flush();
        while (true) {
            int tag = rep.readByte();
            int len = rep.readInt();
            if (tag == 'X') {
                out.flush();
                return len;
            }
            byte[] data = rep.readNBytes(len);
            (tag == 'E' ? err : out).print(new String(data, StandardCharsets.UTF_8));
        }
    }

    /** Commands from a pipe, one a line; the exit status is the last command's. */
    private static int script(DataOutputStream req, DataInputStream rep, PrintStream out, PrintStream err)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int rc = 0;
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.isBlank()) {
                rc = execute(line, req, rep, out, err);
            }
        }
        return rc;
    }

    /** A terminal session with line editing and history (jline); ^D or "exit" leaves. */
    private static int interactive(DataOutputStream req, DataInputStream rep) throws IOException {
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).appName("halo").build();
            PrintStream out = new PrintStream(t.output(), true, StandardCharsets.UTF_8);
            int rc = 0;
            while (true) {
                String line;
                try {
                    line = reader.readLine("halo> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return rc;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.trim().equals("exit") || line.trim().equals("quit")) {
                    return rc;
                }
                rc = execute(line, req, rep, out, out);
            }
        }
    }
}
