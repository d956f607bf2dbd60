/** keepalived-compatible command line; embeds Felix. */
package org.halo.launcher;
