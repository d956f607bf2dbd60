package org.halo.check.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.halo.api.check.CheckResult;
import org.halo.api.check.CheckTarget;
import org.halo.api.check.Checker;
import org.halo.check.script.exec.ScriptLine;
import org.halo.check.script.exec.ScriptRunner;
import org.halo.check.script.exec.ScriptSecurity;
import org.halo.check.script.exec.ScriptUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@code MISC_CHECK} and {@code vrrp_script}: runs the configured script, exit status decides.
 * <ul>
 * <li>{@code vrrp_script}: property {@code script}; exit 0 = success, anything else = failure.</li>
 * <li>{@code MISC_CHECK}: property {@code misc_path}; exit 0 = success; with {@code misc_dynamic},
 * exit 2..255 = success with weight {@code status - 2} (keepalived check_misc.c); else failure.</li>
 * <li>{@code user name [group]} per check, else {@code script_user} from {@code global_defs}.</li>
 * <li>With {@code enable_script_security}, a script that would run as root is refused if a non-root
 * user could modify it (the probe fails with the reason).</li>
 * </ul>
 * Timeout: the target's timeout ({@code timeout} / {@code misc_timeout}); SIGTERM then SIGKILL to the
 * script's process group.
 */
@Component(configurationPid = ScriptSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {Checker.TYPE + "=" + "MISC_CHECK", Checker.TYPE + "=" + Checker.VRRP_SCRIPT})
public final class ScriptChecker implements Checker {

    private static final Logger LOG = Logger.getLogger(ScriptChecker.class.getName());

    private final ScriptSettings settings;
    private final ScriptRunner runner;

    @Activate
    public ScriptChecker(Map<String, Object> config) {
        this(ScriptSettings.from(config));
    }

    ScriptChecker(ScriptSettings settings) {
        this.settings = settings;
        this.runner = new ScriptRunner(settings.killGrace());
    }

    @Deactivate
    void deactivate() {
        runner.close();
    }

    @Override
    public CompletionStage<CheckResult> check(CheckTarget target) {
        boolean misc = target.type().equals("MISC_CHECK");
        String line = misc ? target.property("misc_path", null) : target.property("script", null);
        if (line == null || line.isBlank()) {
            return CompletableFuture.completedFuture(
                    CheckResult.failure(misc ? "no misc_path configured" : "no script configured"));
        }
        List<String> argv = ScriptLine.split(line);
        ScriptUser user = target.property("user").map(ScriptUser::parse).orElse(settings.defaultUser());
        if (settings.security() && user.uid() == 0 && runner.runningAsRoot()) {
            Path exe = ScriptRunner.resolve(argv.get(0));
            Optional<String> why = ScriptSecurity.insecureReason(exe);
            if (why.isPresent()) {
                LOG.warning(() -> "SECURITY VIOLATION - " + target.id() + ": refusing to run " + exe + " as root: "
                        + why.get());
                return CompletableFuture.completedFuture(CheckResult.failure("insecure script: " + why.get()));
            }
        }
        boolean dynamic = misc && target.property("misc_dynamic").map(v -> !v.equalsIgnoreCase("false")).orElse(false);
        CompletableFuture<ScriptRunner.Exit> run = runner.run(argv, user, target.timeout());
        CompletableFuture<CheckResult> result = run.thenApply(exit -> interpret(exit, dynamic));
        // The host cancels the returned stage on its own timeout: pass that on so the script is killed.
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                run.cancel(true);
            }
        });
        return result;
    }

    static CheckResult interpret(ScriptRunner.Exit exit, boolean dynamic) {
        if (exit.timedOut()) {
            return CheckResult.timeout("script timed out" + (exit.killed() ? ", killed" : ""));
        }
        int s = exit.status();
        if (s == 0) {
            return CheckResult.success("exit 0");
        }
        if (dynamic && s >= 2 && s <= 255) {
            return CheckResult.success(s - 2, "exit " + s + " (weight " + (s - 2) + ")");
        }
        return CheckResult.failure("exit " + s);
    }
}
