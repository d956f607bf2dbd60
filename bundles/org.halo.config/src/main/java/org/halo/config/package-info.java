/** keepalived.conf parser, diagnostics, model and the ConfigAdmin bridge. */
package org.halo.config;
