package org.halo.config.model;

import java.util.List;

/** virtual_server_group NAME { IP PORT | IP-RANGE PORT | fwmark N ... }: each member line's words. */
public record VirtualServerGroup(String name, Source source, List<List<String>> members) {
    public VirtualServerGroup {
        members = members.stream().map(List::copyOf).toList();
    }
}
