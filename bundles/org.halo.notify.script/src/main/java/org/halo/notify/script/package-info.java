/** keepalived notify scripts and notify FIFO. */
package org.halo.notify.script;
