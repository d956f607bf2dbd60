package org.halo.example.checker;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the example checker itself (PID {@code org.halo.example.checker}, e.g. the file
 * {@code deploy/org.halo.example.checker.cfg}). Without a configuration the checker does not start.
 */
@ObjectClassDefinition(name = "Halo example file checker")
public @interface FileCheckConfig {

    /** The check type this checker serves; check targets name it in their {@code type}. */
    @AttributeDefinition(description = "Check type served, used as halo.checker.type")
    String halo_checker_type() default "FILE_CHECK";

    /** A file older than this many seconds is stale: the probe fails. 0 disables the age test. */
    @AttributeDefinition(description = "Maximum file age in seconds (0 = any age)")
    long max_age() default 0;
}
