package org.halo.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import org.halo.config.diag.Diagnostics;
import org.halo.config.grammar.Node;
import org.halo.config.grammar.ParseContext;
import org.halo.config.grammar.Registry;
import org.halo.config.grammar.Interfaces;
import org.halo.config.grammar.TreeParser;
import org.halo.config.grammar.Validator;
import org.halo.config.lex.Line;
import org.halo.config.lex.Preprocessor;
import org.halo.config.model.KeepalivedConfig;

/** Loads a keepalived.conf: preprocess, parse against the registry, validate, build the model. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /** keepalived's default config-id: the node name up to the first dot. */
    public static String defaultConfigId() {
        String h = null;
        try {
            // uname(2) nodename, as keepalived uses
            h = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            h = System.getenv("HOSTNAME");
        }
        if (h == null || h.isEmpty()) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                h = "localhost";
            }
        }
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    public static LoadResult load(Path file, String configId) {
        return load(file, configId, Interfaces.SYSTEM);
    }

    /**
     * As {@link #load(Path, String)}, with the interface existence test supplied (e.g. the interfaces of another
     * network namespace, or a fixed set in tests).
     */
    public static LoadResult load(Path file, String configId, java.util.function.Predicate<String> interfaceExists) {
        return load(file, configId, interfaceExists, java.util.Set.of());
    }

    /**
     * @param extraCheckers checker types contributed by plug-ins (e.g. from the services registered with a checker
     *                      type property): inside real_server they are parsed generically instead of being unknown
     */
    public static LoadResult load(Path file, String configId, java.util.function.Predicate<String> interfaceExists,
                                  java.util.Set<String> extraCheckers) {
        Diagnostics diags = new Diagnostics();
        String id = configId == null ? defaultConfigId() : configId;
        List<Line> lines = new Preprocessor(id, diags).run(file, file.toString());
        // keepalived's parent, VRRP and checker processes each read the file with their own roots active.
        java.util.List<Node> passes = new java.util.ArrayList<>();
        java.util.List<java.util.function.Predicate<String>> take = new java.util.ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        TreeParser.Prepared prepared = TreeParser.prepare(lines, new ParseContext(diags));
        for (java.util.Set<String> groups : Registry.PASSES) {
            if (diags.aborted()) {
                break; // a Halo resource limit was hit: nothing more is read, as keepalived stops on exit(4)
            }
            Diagnostics pd = new Diagnostics();
            passes.add(new TreeParser(new ParseContext(pd), extraCheckers).parse(prepared, Registry.root(), k -> groups.contains(Registry.group(k))));
            java.util.Set<String> mine = new java.util.HashSet<>(groups);
            mine.removeAll(taken);
            taken.addAll(groups);
            take.add(k -> mine.contains(Registry.group(k)));
            diags.merge(pd);
            if (pd.aborted()) {
                break;
            }
        }
        Node tree = TreeParser.merge(passes, take);
        if (!diags.aborted()) {
            new Validator(diags, interfaceExists).validate(tree);
        }
        KeepalivedConfig model = diags.unusable() ? null : ModelBuilder.build(tree);
        return new LoadResult(diags, tree, model, Dump.tree(tree));
    }
}
