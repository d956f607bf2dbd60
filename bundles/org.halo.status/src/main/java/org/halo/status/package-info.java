/** keepalived-compatible dump files (data, stats, json); the API is in org.halo.status.api. */
package org.halo.status;
