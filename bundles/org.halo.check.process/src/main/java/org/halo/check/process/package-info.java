/** vrrp_track_process: counts the matching processes in /proc against the quorum. */
package org.halo.check.process;
