package org.halo.vrrp.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH codec benchmark, then the event-loop jitter benchmark; prints, asserts nothing. */
public final class BenchMain {
    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(CodecBenchmark.class.getName()).build()).run();
        JitterBenchmark.main(new String[] {System.getProperty("jitter.seconds", "20"),
                System.getProperty("jitter.pressureThreads", "1"), System.getProperty("jitter.retained", "200000")});
    }
}
