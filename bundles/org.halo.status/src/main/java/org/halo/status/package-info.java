/** keepalived-compatible dump files (data, stats, json) and metrics. */
package org.halo.status;
