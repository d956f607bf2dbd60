package org.halo.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import org.halo.linux.api.Link;
import org.halo.linux.api.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * Netlink encoding against layouts worked out by hand from linux/netlink.h and linux/rtnetlink.h
 * (little-endian host: the test runs on x86_64 / aarch64), and decoding of what we encode.
 */
class NlRequestTest {

    private static byte[] macvlanRequest() {
        return new NlRequest(16, NlRequest.NLM_F_ACK | NlRequest.NLM_F_CREATE | NlRequest.NLM_F_EXCL)
                .u8(0).u8(0).u16(0).u32(0).u32(0).u32(0)
                .attrString(3, "vrrp.1")
                .nest(18).attrString(1, "macvlan").nest(2).attrU32(1, 1).end().end()
                .build(7);
    }

    @Test
    void nestedAttributesAlignedAndSized() {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteOrder.nativeOrder(), "golden bytes assume a little-endian host");
        String expected = ""
                // nlmsghdr: len 72, RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE = 0x605, seq 7, pid 0
                + "48000000" + "1000" + "0506" + "07000000" + "00000000"
                // ifinfomsg, all zero
                + "00000000000000000000000000000000"
                // IFLA_IFNAME "vrrp.1\0", len 11, padded to 12
                + "0b000300" + "767272702e310000"
                // IFLA_LINKINFO, len 28: IFLA_INFO_KIND "macvlan\0" (12), IFLA_INFO_DATA (12) { IFLA_MACVLAN_MODE = 1 }
                + "1c001200" + "0c000100" + "6d6163766c616e00" + "0c000200" + "08000100" + "01000000";
        assertEquals(expected, HexFormat.of().formatHex(macvlanRequest()));
    }

    @Test
    void decodesLinkAttributesIncludingNestedKind() {
        byte[] msg = new NlRequest(16, 0).u8(0).u8(0).u16(1).u32(42).u32(Link.IFF_UP | Link.IFF_RUNNING).u32(0)
                .attrString(RtCodec.IFLA_IFNAME, "vrrp.51")
                .attr(RtCodec.IFLA_ADDRESS, MacAddress.vrrp(51, false).bytes())
                .attrU32(RtCodec.IFLA_MTU, 1500)
                .attrU32(RtCodec.IFLA_LINK, 7)
                .attrU8(RtCodec.IFLA_OPERSTATE, 6)
                .nest(RtCodec.IFLA_LINKINFO).attrString(RtCodec.IFLA_INFO_KIND, "macvlan").end()
                .build(1);
        ByteBuffer body = ByteBuffer.wrap(msg, 16, msg.length - 16).slice().order(ByteOrder.nativeOrder());
        Link l = RtCodec.link(body);
        assertEquals(new Link(42, "vrrp.51", MacAddress.vrrp(51, false), 1500, Link.IFF_UP | Link.IFF_RUNNING, 6,
                "macvlan", 7), l);
        assertEquals(true, l.up());
    }

    @Test
    void linkWithoutOptionalAttributes() {
        byte[] msg = new NlRequest(16, 0).u8(0).u8(0).u16(0).u32(3).u32(0).u32(0).build(1);
        Link l = RtCodec.link(ByteBuffer.wrap(msg, 16, msg.length - 16).slice().order(ByteOrder.nativeOrder()));
        assertEquals("if3", l.name());
        assertNull(l.mac());
        assertNull(l.kind());
        assertEquals(false, l.up());
    }
}
