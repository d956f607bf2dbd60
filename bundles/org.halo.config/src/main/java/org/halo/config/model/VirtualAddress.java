package org.halo.config.model;

/**
 * One line of virtual_ipaddress / virtual_ipaddress_excluded / static_ipaddress:
 * {@code ADDR[/PREFIX] [brd ADDR] [dev IF] [scope SCOPE] [label LABEL] [no_track] ...}.
 */
public record VirtualAddress(String address, Integer prefix, String broadcast, String dev, String scope, String label,
                             boolean noTrack, Source source, java.util.List<String> words) {
    public VirtualAddress {
        words = java.util.List.copyOf(words);
    }
}
