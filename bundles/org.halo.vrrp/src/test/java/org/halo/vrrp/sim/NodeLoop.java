package org.halo.vrrp.sim;

import org.halo.vrrp.engine.EventLoop;
import org.halo.vrrp.engine.ManualEventLoop;

/**
 * One router's view of the shared virtual-time loop. A crash bumps the epoch: every task the dead
 * incarnation had scheduled is then skipped, as if the process had vanished.
 */
final class NodeLoop implements EventLoop {
    private final ManualEventLoop shared;
    private int epoch;

    NodeLoop(ManualEventLoop shared) {
        this.shared = shared;
    }

    void kill() {
        epoch++;
    }

    @Override
    public long nanoTime() {
        return shared.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        int e = epoch;
        shared.execute(() -> {
            if (e == epoch) {
                task.run();
            }
        });
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        int e = epoch;
        return shared.schedule(delayNanos, () -> {
            if (e == epoch) {
                task.run();
            }
        });
    }

    @Override
    public boolean inLoop() {
        return true;
    }
}
