package org.halo.status.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Reads the dump files by the rules the community Prometheus exporter (keepalived-exporter) applies, written
 * here from those rules, not copied: what it reads, how it splits lines, and what makes it fail.
 * <ul>
 * <li>data: an instance starts at a line beginning {@code " VRRP Instance"} with {@code =}; inside it, a line
 * with three leading spaces is {@code key = value} or {@code key : } (a list head), a line with five is a
 * value of the last key; any other line ends the instance. Read: State and Wantstate (must be INIT, BACKUP,
 * MASTER or FAULT, else the whole read fails), Interface, "Gratuitous ARP delay" and "Virtual Router ID"
 * (integers, else it fails) and the entries under "Virtual IP (N)" (split on blanks: address, "dev",
 * interface).</li>
 * <li>scripts: blocks {@code " VRRP Script = NAME"}, their Status (GOOD/BAD) and State (idle, running, ...).</li>
 * <li>stats: {@code "VRRP Instance: NAME"}, section heads {@code "  Name:"}, counters {@code "    Key: N"} and
 * {@code "  Key: N"}; a counter that is not an integer fails the read.</li>
 * <li>json: an array of {"data": {iname, state, wantstate, ifp_ifname, garp_delay, vrid, vips}, "stats": {14 counters}}.</li>
 * </ul>
 */
final class ExporterReader {
    static final List<String> STATES = List.of("INIT", "BACKUP", "MASTER", "FAULT");
    static final List<String> SCRIPT_STATUSES = List.of("BAD", "GOOD");
    static final List<String> SCRIPT_STATES = List.of("idle", "running", "requested termination", "forcing termination");
    static final List<String> COUNTERS = List.of("advert_rcvd", "advert_sent", "become_master", "release_master", "packet_len_err",
            "advert_interval_err", "ip_ttl_err", "invalid_type_rcvd", "addr_list_err", "invalid_authtype", "authtype_mismatch", "auth_failure",
            "pri_zero_rcvd", "pri_zero_sent");

    private ExporterReader() {
    }

    /** What the exporter takes from one instance of the data or JSON file. */
    record Instance(String name, int state, int wantState, String intf, int garpDelay, int vrid, List<String> vips) {
    }

    record Script(String name, String status, String state) {
    }

    static Map<String, Instance> data(String text) {
        Map<String, Instance> out = new LinkedHashMap<>();
        String instance = null;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> vips = new ArrayList<>();
        String key = "";
        for (String l : text.split("\n", -1)) {
            if (l.startsWith(" VRRP Instance") && l.contains("=")) {
                finish(out, instance, fields, vips);
                instance = l.split("=", 2)[1].trim();
                fields = new LinkedHashMap<>();
                vips = new ArrayList<>();
                key = "";
            } else if (l.startsWith("   ") && instance != null) {
                if (l.startsWith("     ")) {
                    if (key.startsWith("Virtual IP (")) {
                        String[] w = l.trim().split(" ");
                        if (w.length < 3) {
                            throw new IllegalArgumentException("VIP line the exporter cannot split: " + l);
                        }
                        vips.add(w[0] + "|" + w[2]);
                    }
                } else if (l.contains("=")) {
                    String[] kv = l.trim().split("=", 2);
                    key = kv[0].trim();
                    fields.put(key, kv[1].trim());
                } else if (l.contains(":")) {
                    key = l.trim().split(":", 2)[0].trim();
                }
            } else {
                finish(out, instance, fields, vips);
                instance = null;
            }
        }
        finish(out, instance, fields, vips);
        return out;
    }

    private static void finish(Map<String, Instance> out, String name, Map<String, String> f, List<String> vips) {
        if (name == null || out.containsKey(name)) {
            return;
        }
        out.put(name, new Instance(name, state(f.get("State")), state(f.get("Wantstate")), f.getOrDefault("Interface", ""),
                Integer.parseInt(f.get("Gratuitous ARP delay")), Integer.parseInt(f.get("Virtual Router ID")), List.copyOf(vips)));
    }

    private static int state(String s) {
        int i = STATES.indexOf(s);
        if (i < 0) {
            throw new IllegalArgumentException("state the exporter rejects: " + s);
        }
        return i;
    }

    static List<Script> scripts(String text) {
        List<Script> out = new ArrayList<>();
        String name = null;
        String status = "";
        String state = "";
        for (String l : text.split("\n", -1)) {
            if (l.startsWith(" VRRP Script") && l.contains("=")) {
                if (name != null) {
                    out.add(new Script(name, status, state));
                }
                name = l.split("=", 2)[1].trim();
                status = "";
                state = "";
            } else if (l.startsWith("   ") && name != null) {
                if (l.contains("=")) {
                    String[] kv = l.trim().split("=", 2);
                    if (kv[0].trim().equals("Status")) {
                        status = kv[1].trim();
                    } else if (kv[0].trim().equals("State")) {
                        state = kv[1].trim();
                    }
                }
            } else if (!l.startsWith("    ") && name != null) {
                out.add(new Script(name, status, state));
                name = null;
            }
        }
        if (name != null) {
            out.add(new Script(name, status, state));
        }
        return out;
    }

    /** Instance name -> counters by keepalived's JSON names. */
    static Map<String, Map<String, Long>> stats(String text) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        String instance = null;
        String section = "";
        for (String l : text.split("\n", -1)) {
            if (l.startsWith("VRRP Instance") && l.contains(":")) {
                instance = l.split(":", 2)[1].trim();
                out.put(instance, new LinkedHashMap<>());
            } else if (l.startsWith("  ") && l.endsWith(":")) {
                section = l.trim().substring(0, l.trim().length() - 1).trim();
            } else if (l.startsWith("    ") && !section.isEmpty()) {
                String[] kv = l.trim().split(":", 2);
                out.get(instance).put(counter(section, kv[0].trim()), Long.parseLong(kv[1].trim()));
            } else if (l.startsWith("  ")) {
                String[] kv = l.trim().split(":", 2);
                section = "";
                out.get(instance).put(kv[0].trim().equals("Became master") ? "become_master" : "release_master", Long.parseLong(kv[1].trim()));
            }
        }
        return out;
    }

    private static String counter(String section, String key) {
        return switch (section + "/" + key) {
            case "Advertisements/Received" -> "advert_rcvd";
            case "Advertisements/Sent" -> "advert_sent";
            case "Packet Errors/Length" -> "packet_len_err";
            case "Packet Errors/TTL" -> "ip_ttl_err";
            case "Packet Errors/Invalid Type" -> "invalid_type_rcvd";
            case "Packet Errors/Advertisement Interval" -> "advert_interval_err";
            case "Packet Errors/Address List" -> "addr_list_err";
            case "Authentication Errors/Invalid Type" -> "invalid_authtype";
            case "Authentication Errors/Type Mismatch" -> "authtype_mismatch";
            case "Authentication Errors/Failure" -> "auth_failure";
            case "Priority Zero/Received" -> "pri_zero_rcvd";
            case "Priority Zero/Sent" -> "pri_zero_sent";
            default -> throw new IllegalArgumentException("counter the exporter does not know: " + section + "/" + key);
        };
    }

    /** The JSON file: instances as the exporter decodes them, and their counters. */
    static Map<String, Instance> json(String text, Map<String, Map<String, Long>> statsOut) {
        Map<String, Instance> out = new LinkedHashMap<>();
        for (JsonValue v : Json.createReader(new StringReader(text)).readArray()) {
            JsonObject d = v.asJsonObject().getJsonObject("data");
            JsonObject s = v.asJsonObject().getJsonObject("stats");
            String name = d.getString("iname");
            List<String> vips = d.getJsonArray("vips").getValuesAs(jakarta.json.JsonString.class).stream().map(js -> {
                String[] w = js.getString().split(" ");
                return w[0] + "|" + w[2];
            }).toList();
            out.put(name, new Instance(name, d.getInt("state"), d.getInt("wantstate"), d.getString("ifp_ifname"), d.getInt("garp_delay"),
                    d.getInt("vrid"), vips));
            Map<String, Long> c = new LinkedHashMap<>();
            for (String k : COUNTERS) {
                c.put(k, s.getJsonNumber(k).longValueExact());
            }
            statsOut.put(name, c);
        }
        return out;
    }
}
