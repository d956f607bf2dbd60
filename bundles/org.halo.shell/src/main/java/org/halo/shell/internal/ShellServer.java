package org.halo.shell.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Serves Gogo sessions on {@code ${halo.run.dir}/shell/shell.sock}: the directory is 0700 and the socket
 * 0600, so only root (the daemon's user) can connect; there is no TCP listener. One session per
 * connection, so variables persist across an interactive session. Wire format: see
 * {@code org.halo.launcher.ShellClient} (request {@code int len + UTF-8}; reply frames
 * {@code byte tag 'O'|'E'|'X', int len, bytes}, 'X' carrying the exit status in its length field).
 * The bundle starts at the last start level, after every component bundle, so a command never races
 * component activation.
 */
@Component(immediate = true)
public final class ShellServer {

    private static final System.Logger LOG = System.getLogger("org.halo.shell");

    private final CommandProcessor processor;
    private final ServerSocketChannel server;
    private final Path socket;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    @Activate
    public ShellServer(BundleContext ctx, @Reference CommandProcessor processor) throws IOException {
        this.processor = processor;
        String runDir = ctx.getProperty("halo.run.dir");
        if (runDir == null) {
            throw new IllegalStateException("framework property halo.run.dir is not set; no shell socket");
        }
        Path dir = Path.of(runDir, "shell");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        this.socket = dir.resolve("shell.sock");
        Files.deleteIfExists(socket); // left over from a daemon that did not stop cleanly
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        this.acceptor = new Thread(this::acceptLoop, "halo-shell-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(Level.INFO, "shell listening on " + socket);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
        acceptor.join(5_000);
        Files.deleteIfExists(socket);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel c = server.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "halo-shell-session");
                t.setDaemon(true);
                t.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "shell accept failed: " + e.getMessage());
            }
        }
    }

    private void serve(SocketChannel c) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream sessionOut = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (c; CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), sessionOut, sessionOut)) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(c));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(c));
            while (true) {
                int len;
                try {
                    len = in.readInt();
                } catch (EOFException e) {
                    return;
                }
                if (len < 0 || len > 1 << 20) {
                    return;
                }
                String line = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                int status = 0;
                String error = null;
                try {
                    Object result = session.execute(line);
                    if (result != null) {
                        sessionOut.println(session.format(result, Converter.INSPECT));
                    }
                } catch (Exception e) {
                    status = 1;
                    error = e.getMessage() == null ? e.toString() : e.getMessage();
                }
                sessionOut.flush();
                frame(out, 'O', buf.toByteArray());
                buf.reset();
                if (error != null) {
                    frame(out, 'E', (error + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                }
                out.writeByte('X');
                out.writeInt(status);
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "shell session ended: " + e.getMessage());
        } finally {
            clients.remove(c);
        }
    }

    private static void frame(DataOutputStream out, char tag, byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.writeByte(tag);
        out.writeInt(data.length);
        out.write(data);
    }
}
