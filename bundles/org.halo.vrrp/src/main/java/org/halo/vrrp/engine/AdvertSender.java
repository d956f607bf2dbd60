package org.halo.vrrp.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.Ipv4Datagram;
import org.halo.vrrp.packet.VrrpAdvert;
import org.halo.vrrp.packet.VrrpCodec;

/**
 * keepalived's vrrp_send_adv for one instance: one advert per destination (the multicast group, or every
 * unicast peer with its own v3 checksum), the AH datagram with its IP id and sequence number when
 * auth_type AH, and advert_sent counted once per advert.
 */
final class AdvertSender {
    private final Instance in;
    private int ipId;
    private long ahSeq;

    AdvertSender(Instance in) {
        this.in = in;
    }

    void send(int prio) {
        InstanceConfig cfg = in.cfg;
        VrrpAdvert a = cfg.version() == 2
                ? VrrpAdvert.v2(cfg.vrid(), prio, (int) (cfg.advertIntervalMillis() / 1000), cfg.authType(),
                        cfg.authPass(), in.advertised)
                : VrrpAdvert.v3(cfg.vrid(), prio, (int) (cfg.advertIntervalMillis() / 10), in.advertised);
        InetAddress src = cfg.sourceAddress();
        if (cfg.unicast()) {
            for (UnicastPeer peer : cfg.unicastPeers()) {
                sendTo(a, src, peer.address(), cfg.unicastTtl());
            }
        } else {
            // mcast_dst_ip replaces the group; multicast adverts always leave with TTL 255 (RFC 5798 5.1.1.3)
            sendTo(a, src, cfg.multicastGroup() != null ? cfg.multicastGroup() : in.engine.group(cfg.ipv6()), 255);
        }
        in.stats.advertSent++;
    }

    private void sendTo(VrrpAdvert a, InetAddress src, InetAddress dst, int ttl) {
        InstanceConfig cfg = in.cfg;
        byte[] msg = VrrpCodec.encode(a, src, dst, in.checksumMode);
        byte[] datagram = null;
        if (cfg.authType() == AuthType.AH && !cfg.ipv6()) {
            ipId = (ipId + 1) & 0xffff;
            ahSeq = (ahSeq + 1) & 0xffffffffL;
            datagram = Ipv4Datagram.build(ipId, ttl, (Inet4Address) src, (Inet4Address) dst, msg, cfg.authPass(),
                    ahSeq, cfg.unicast());
        }
        OutboundAdvert out = new OutboundAdvert(cfg.name(), cfg.interfaceName(), src, dst, ttl, msg, datagram);
        in.engine.net(() -> in.engine.network.sendAdvert(out));
    }
}
