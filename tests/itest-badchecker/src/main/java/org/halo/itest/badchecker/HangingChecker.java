package org.halo.itest.badchecker;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Never returns from {@link #check} until the bundle stops: the host must time it out and carry on. */
@Component(property = Checker.TYPE + "=HANG")
public final class HangingChecker implements Checker {
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        while (stopped.getCount() > 0) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // a hung plug-in ignores interrupts too
            }
        }
        throw new IllegalStateException("stopped");
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }
}
