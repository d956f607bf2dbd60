package org.halo.systest.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes keepalived.conf text for the lab's nodes. Halo reads the same files, so one builder serves
 * both daemons. Defaults follow the lab baseline: state BACKUP, eth0, vrid 51, preempt on, VIP
 * 10.77.0.100/24, multicast, no authentication.
 */
public final class VrrpConf {
    private final String routerId;
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> scripts = new ArrayList<>();
    private final List<String> syncGroups = new ArrayList<>();
    private final List<String> coreArgs = new ArrayList<>();
    private final java.util.Map<String, Integer> scriptWeights = new java.util.HashMap<>();

    public VrrpConf(String routerId) {
        this.routerId = routerId;
    }

    /** Adds an instance and returns it for configuration. */
    public Instance instance(String name, int vrid, int priority) {
        Instance i = new Instance(name, vrid, priority);
        instances.add(i);
        return i;
    }

    /** A vrrp_script whose failure changes priority by weight (keepalived semantics). */
    public VrrpConf script(String name, String command, int intervalSeconds, int weight) {
        coreArgs.addAll(List.of("--script", name + "=" + intervalSeconds + "=" + command));
        scriptWeights.put(name, weight);
        scripts.add("vrrp_script " + name + " {\n  script \"" + command + "\"\n  interval " + intervalSeconds + "\n  weight " + weight
                + "\n  fall 1\n  rise 1\n}\n");
        return this;
    }

    public VrrpConf syncGroup(String name, String... members) {
        coreArgs.addAll(List.of("--group", name + "=" + String.join("+", members)));
        syncGroups.add("vrrp_sync_group " + name + " {\n  group {\n    " + String.join("\n    ", members) + "\n  }\n}\n");
        return this;
    }

    /** The same configuration as arguments of the lab's Halo core node (HaloCoreNode). */
    public List<String> coreArgs() {
        List<String> out = new ArrayList<>();
        for (Instance i : instances) {
            out.add("--instance");
            out.add(i.coreSpec(scriptWeights));
        }
        out.addAll(coreArgs);
        return out;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("global_defs {\n  router_id ").append(routerId).append("\n  script_user root\n  enable_script_security\n}\n");
        scripts.forEach(b::append);
        syncGroups.forEach(b::append);
        instances.forEach(i -> b.append(i.text()));
        return b.toString();
    }

    /** One vrrp_instance block. */
    public static final class Instance {
        private final String name;
        private final int vrid;
        private final int priority;
        private int version = 2;
        private String advert = "1";
        private String state = "BACKUP";
        private boolean nopreempt;
        private Integer preemptDelay;
        private String authPass;
        private String unicastSrc;
        private final List<String> unicastPeers = new ArrayList<>();
        private final List<String> vips = new ArrayList<>(List.of(Lab.VIP + "/24 dev eth0"));
        private final List<String> trackScripts = new ArrayList<>();
        private final List<String> trackInterfaces = new ArrayList<>();
        private final List<String> extraLines = new ArrayList<>();

        Instance(String name, int vrid, int priority) {
            this.name = name;
            this.vrid = vrid;
            this.priority = priority;
        }

        public Instance version(int v) {
            this.version = v;
            return this;
        }

        /** Advert interval in seconds as keepalived writes it ("1", "0.1", "0.01"). */
        public Instance advert(String seconds) {
            this.advert = seconds;
            return this;
        }

        public Instance state(String s) {
            this.state = s;
            return this;
        }

        public Instance nopreempt() {
            this.nopreempt = true;
            return this;
        }

        public Instance preemptDelay(int seconds) {
            this.preemptDelay = seconds;
            return this;
        }

        public Instance authPass(String pass) {
            this.authPass = pass;
            return this;
        }

        public Instance unicast(String src, String... peers) {
            this.unicastSrc = src;
            unicastPeers.addAll(List.of(peers));
            return this;
        }

        /** Replaces the VIP list, e.g. "fd77::100/64 dev eth0". */
        public Instance vips(String... v) {
            vips.clear();
            vips.addAll(List.of(v));
            return this;
        }

        public Instance trackScript(String s) {
            trackScripts.add(s);
            return this;
        }

        /** A keyword line written into the block as is (keepalived.conf only, not the core node's arguments). */
        public Instance line(String keywordLine) {
            extraLines.add(keywordLine);
            return this;
        }

        public Instance trackInterface(String ifname) {
            trackInterfaces.add(ifname);
            return this;
        }


        String coreSpec(java.util.Map<String, Integer> weights) {
            long advertMs = Math.round(Double.parseDouble(advert) * 1000);
            StringBuilder b = new StringBuilder("name=" + name + ",vrid=" + vrid + ",prio=" + priority + ",version=" + version + ",advertMs=" + advertMs);
            b.append(",vip=").append(String.join("+", vips.stream().map(v -> v.split(" ")[0]).toList()));
            if (nopreempt) {
                b.append(",nopreempt");
            }
            if (preemptDelay != null) {
                b.append(",preemptDelayMs=").append(preemptDelay * 1000L);
            }
            if (authPass != null) {
                b.append(",auth=").append(authPass);
            }
            if (unicastSrc != null) {
                b.append(",src=").append(unicastSrc).append(",peers=").append(String.join("+", unicastPeers));
            }
            if (!trackScripts.isEmpty()) {
                b.append(",trackScript=").append(String.join("+", trackScripts.stream().map(s -> s + ":" + weights.getOrDefault(s, 0)).toList()));
            }
            if (!trackInterfaces.isEmpty()) {
                b.append(",trackIf=").append(String.join("+", trackInterfaces));
            }
            return b.toString();
        }

        String text() {
            StringBuilder b = new StringBuilder();
            b.append("vrrp_instance ").append(name).append(" {\n");
            b.append("  state ").append(state).append('\n');
            b.append("  interface eth0\n");
            b.append("  virtual_router_id ").append(vrid).append('\n');
            b.append("  priority ").append(priority).append('\n');
            b.append("  version ").append(version).append('\n');
            b.append("  advert_int ").append(advert).append('\n');
            if (nopreempt) {
                b.append("  nopreempt\n");
            }
            if (preemptDelay != null) {
                b.append("  preempt_delay ").append(preemptDelay).append('\n');
            }
            if (authPass != null) {
                b.append("  authentication {\n    auth_type PASS\n    auth_pass ").append(authPass).append("\n  }\n");
            }
            extraLines.forEach(l -> b.append("  ").append(l).append('\n'));
            if (unicastSrc != null) {
                b.append("  unicast_src_ip ").append(unicastSrc).append("\n  unicast_peer {\n");
                unicastPeers.forEach(p -> b.append("    ").append(p).append('\n'));
                b.append("  }\n");
            }
            if (!trackScripts.isEmpty()) {
                b.append("  track_script {\n");
                trackScripts.forEach(s -> b.append("    ").append(s).append('\n'));
                b.append("  }\n");
            }
            if (!trackInterfaces.isEmpty()) {
                b.append("  track_interface {\n");
                trackInterfaces.forEach(s -> b.append("    ").append(s).append('\n'));
                b.append("  }\n");
            }
            b.append("  virtual_ipaddress {\n");
            vips.forEach(v -> b.append("    ").append(v).append('\n'));
            b.append("  }\n}\n");
            return b.toString();
        }
    }
}
