package org.halo.linux.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.halo.linux.api.Announcer;
import org.halo.linux.api.LinuxException;
import org.halo.linux.api.MacAddress;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.Pcaps;

/**
 * Sends the announcement frames through libpcap (pcap4j), one cached handle per device. A handle
 * belongs to the network namespace of the thread that opened it; the guard refuses to open one from
 * another namespace.
 */
public final class PcapAnnouncer implements Announcer, AutoCloseable {
    private final Map<String, PcapHandle> handles = new HashMap<>();
    private final NetnsGuard guard = new NetnsGuard();
    private static final int SEND_ONLY_BUFFER = 64 * 1024;

    /**
     * Loads libpcap and pcap4j's classes on a background thread, so that neither start-up nor the
     * first GARP after becoming MASTER pays for it (it takes a few hundred ms on a cold JVM). Opens
     * nothing, so the thread's network namespace does not matter.
     */
    PcapAnnouncer() {
        Thread warm = new Thread(() -> {
            try {
                withPcapLoader(Pcaps::libVersion);
            } catch (LinuxException | LinkageError e) {
                // reported again, with context, on the first real use
            }
        }, "pcap-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    @Override
    public synchronized void prepare(String device) throws LinuxException {
        handle(device);
    }

    @Override
    public void gratuitousArp(String device, MacAddress sourceMac, Inet4Address vip) throws LinuxException {
        send(device, Frames.gratuitousArp(sourceMac, vip));
    }

    @Override
    public void unsolicitedNa(String device, MacAddress sourceMac, Inet6Address vip, boolean router)
            throws LinuxException {
        send(device, Frames.unsolicitedNa(sourceMac, vip, router));
    }

    synchronized void send(String device, byte[] frame) throws LinuxException {
        PcapHandle h = handle(device);
        try {
            h.sendPacket(frame);
        } catch (PcapNativeException | NotOpenException e) {
            // The device may have been deleted and re-created (a VMAC): reopen once and retry
            dropHandle(device);
            try {
                handle(device).sendPacket(frame);
            } catch (PcapNativeException | NotOpenException e2) {
                throw new LinuxException("pcap send on " + device + ": " + e2.getMessage(), 0);
            }
        }
    }

    private PcapHandle handle(String device) throws LinuxException {
        PcapHandle h = handles.get(device);
        if (h != null && h.isOpen()) {
            return h;
        }
        guard.check("open pcap on " + device);
        h = withPcapLoader(() -> {
            try {
                // The builder opens the device by name, without enumerating every interface first. The
                // handle only sends: a small capture ring (libpcap's default is 2 MB, which the kernel fills
                // with every frame on the device and so becomes resident) and a filter that accepts nothing.
                PcapHandle opened = new PcapHandle.Builder(device).snaplen(128).bufferSize(SEND_ONLY_BUFFER)
                        .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS).timeoutMillis(10)
                        .build();
                try {
                    opened.setFilter("less 1", BpfProgram.BpfCompileMode.OPTIMIZE);
                } catch (NotOpenException | PcapNativeException e) {
                    // still sends; only the ring fills
                }
                return opened;
            } catch (PcapNativeException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        handles.put(device, h);
        return h;
    }

    /**
     * pcap4j finds its packet factories with ServiceLoader on the thread context class loader; inside
     * OSGi that must be the pcap4j bundle's loader or every packet decodes as UnknownPacket.
     */
    static <T> T withPcapLoader(Supplier<T> action) throws LinuxException {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(Pcaps.class.getClassLoader());
        try {
            return action.get();
        } catch (IllegalStateException e) {
            throw new LinuxException("pcap: " + e.getMessage(), 0);
        } finally {
            t.setContextClassLoader(old);
        }
    }

    private void dropHandle(String device) {
        PcapHandle h = handles.remove(device);
        if (h != null && h.isOpen()) {
            h.close();
        }
    }

    @Override
    public synchronized void close() {
        for (PcapHandle h : handles.values()) {
            if (h.isOpen()) {
                h.close();
            }
        }
        handles.clear();
    }
}
