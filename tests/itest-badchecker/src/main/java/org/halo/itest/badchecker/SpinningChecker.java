package org.halo.itest.badchecker;

import java.util.concurrent.CompletionStage;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Burns a core inside {@link #check} and ignores interrupts until the bundle stops. */
@Component(property = Checker.TYPE + "=SPIN")
public final class SpinningChecker implements Checker {
    private volatile boolean running = true;
    /** Written so the loop cannot be optimised away. */
    volatile long spins;

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        long n = 0;
        while (running) {
            n++;
            if ((n & 0xFFFFF) == 0) {
                spins = n;
            }
        }
        throw new IllegalStateException("stopped");
    }

    @Deactivate
    void deactivate() {
        running = false;
    }
}
