package org.halo.config.cm.internal;

import org.halo.config.cm.Pids;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of the published configurations. Method names follow the metatype mapping rules: "__" stands for "_",
 * "_" for "." and "$" is dropped, so {@code virtual__router__id} is the property {@code virtual_router_id}. Only
 * the main attributes are declared; every other keepalived keyword of the block may be present too
 * (docs/config-model.md).
 */
final class Metatype {
    private Metatype() {
    }

    @ObjectClassDefinition(name = "Halo VRRP instance", description = "A keepalived vrrp_instance",
        factoryPid = Pids.VRRP_INSTANCE)
    @interface Instance {
        @AttributeDefinition(description = "Instance name (vrrp_instance NAME)")
        String name();

        @AttributeDefinition(description = "Initial state: MASTER or BACKUP", required = false)
        String state();

        @AttributeDefinition(description = "Interface VRRP runs on")
        String interface$();

        @AttributeDefinition(description = "Virtual router id 1..255")
        String virtual__router__id();

        @AttributeDefinition(description = "Priority 1..255", required = false)
        String priority();

        @AttributeDefinition(description = "Advertisement interval in seconds", required = false)
        String advert__int();

        @AttributeDefinition(description = "Virtual addresses, one per entry", required = false)
        String[] virtual__ipaddress();

        @AttributeDefinition(description = "Unicast peers", required = false)
        String[] unicast__peer();

        @AttributeDefinition(description = "Tracked vrrp_scripts (NAME [weight N])", required = false)
        String[] track__script();

        @AttributeDefinition(description = "Tracked interfaces (NAME [weight N])", required = false)
        String[] track__interface();

        @AttributeDefinition(description = "Owner marker: keepalived.conf when published by the bridge", required = false)
        String halo_source();
    }

    @ObjectClassDefinition(name = "Halo VRRP sync group", factoryPid = Pids.VRRP_SYNC_GROUP)
    @interface SyncGroup {
        String name();

        @AttributeDefinition(description = "Member vrrp_instances")
        String[] group();
    }

    @ObjectClassDefinition(name = "Halo vrrp_script", factoryPid = Pids.VRRP_SCRIPT)
    @interface Script {
        String name();

        String script();

        @AttributeDefinition(required = false)
        String interval();

        @AttributeDefinition(required = false)
        String weight();

        @AttributeDefinition(required = false)
        String rise();

        @AttributeDefinition(required = false)
        String fall();
    }

    @ObjectClassDefinition(name = "Halo track_file", factoryPid = Pids.TRACK_FILE)
    @interface TrackFile {
        String name();

        String file();

        @AttributeDefinition(required = false)
        String weight();
    }

    @ObjectClassDefinition(name = "Halo vrrp_track_process", factoryPid = Pids.TRACK_PROCESS)
    @interface TrackProcess {
        String name();

        String process();

        @AttributeDefinition(required = false)
        String weight();
    }

    @ObjectClassDefinition(name = "Halo virtual_server", factoryPid = Pids.VIRTUAL_SERVER)
    @interface VirtualServer {
        @AttributeDefinition(description = "IP PORT, fwmark N or group NAME")
        String virtual__server();

        @AttributeDefinition(required = false)
        String lvs__sched();

        @AttributeDefinition(required = false)
        String lvs__method();

        @AttributeDefinition(required = false)
        String protocol();

        @AttributeDefinition(required = false)
        String delay__loop();
    }

    @ObjectClassDefinition(name = "Halo real_server", factoryPid = Pids.REAL_SERVER)
    @interface RealServer {
        String virtual__server();

        @AttributeDefinition(description = "IP PORT")
        String real__server();

        @AttributeDefinition(required = false)
        String weight();
    }

    @ObjectClassDefinition(name = "Halo real-server check", factoryPid = Pids.CHECK)
    @interface Check {
        @AttributeDefinition(description = "Checker type, e.g. HTTP_GET, TCP_CHECK, MISC_CHECK or a plug-in type")
        String type();

        String virtual__server();

        String real__server();
    }

    @ObjectClassDefinition(name = "Halo global_defs", pid = Pids.GLOBAL)
    @interface Global {
        @AttributeDefinition(required = false)
        String router__id();

        @AttributeDefinition(required = false)
        String enable__script__security();

        @AttributeDefinition(required = false)
        String script__user();
    }

    @ObjectClassDefinition(name = "Halo virtual_server_group", factoryPid = Pids.VIRTUAL_SERVER_GROUP)
    @interface VirtualServerGroup {
        String name();

        String[] members();
    }
}
