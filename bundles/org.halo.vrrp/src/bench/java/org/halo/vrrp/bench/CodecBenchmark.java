package org.halo.vrrp.bench;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.halo.vrrp.packet.AuthType;
import org.halo.vrrp.packet.ChecksumMode;
import org.halo.vrrp.packet.VrrpAdvert;
import org.halo.vrrp.packet.VrrpCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encode/decode time per VRRP packet (v2 PASS with 2 VIPs, v3 IPv4 with checksum, v3 IPv6). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {
    VrrpAdvert v2;
    VrrpAdvert v3;
    VrrpAdvert v6;
    InetAddress src4;
    InetAddress dst4;
    InetAddress src6;
    InetAddress dst6;
    byte[] v2Bytes;
    byte[] v3Bytes;
    byte[] v6Bytes;

    @Setup
    public void setup() throws Exception {
        src4 = InetAddress.getByName("10.77.0.1");
        dst4 = InetAddress.getByName("224.0.0.18");
        src6 = InetAddress.getByName("fe80::1");
        dst6 = InetAddress.getByName("ff02::12");
        v2 = VrrpAdvert.v2(51, 150, 1, AuthType.PASS, "secret12".getBytes(),
                List.of(InetAddress.getByName("10.77.0.100"), InetAddress.getByName("10.77.0.101")));
        v3 = VrrpAdvert.v3(51, 150, 100, List.of(InetAddress.getByName("10.77.0.100")));
        v6 = VrrpAdvert.v3(52, 150, 100,
                List.of(InetAddress.getByName("fe80::100"), InetAddress.getByName("fd77::100")));
        v2Bytes = VrrpCodec.encode(v2, src4, dst4, ChecksumMode.PSEUDO_HEADER);
        v3Bytes = VrrpCodec.encode(v3, src4, dst4, ChecksumMode.PSEUDO_HEADER);
        v6Bytes = VrrpCodec.encode(v6, src6, dst6, ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public byte[] encodeV2Pass() {
        return VrrpCodec.encode(v2, src4, dst4, ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public byte[] encodeV3Ipv4() {
        return VrrpCodec.encode(v3, src4, dst4, ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public byte[] encodeV3Ipv6() {
        return VrrpCodec.encode(v6, src6, dst6, ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public VrrpAdvert decodeV2Pass() throws Exception {
        return VrrpCodec.decode(v2Bytes, 0, v2Bytes.length, false);
    }

    @Benchmark
    public boolean decodeAndVerifyV3Ipv4() throws Exception {
        VrrpAdvert a = VrrpCodec.decode(v3Bytes, 0, v3Bytes.length, false);
        return a != null && VrrpCodec.checksumValid(v3Bytes, 0, v3Bytes.length, 3, src4, dst4,
                ChecksumMode.PSEUDO_HEADER);
    }

    @Benchmark
    public VrrpAdvert decodeV3Ipv6() throws Exception {
        return VrrpCodec.decode(v6Bytes, 0, v6Bytes.length, true);
    }
}
