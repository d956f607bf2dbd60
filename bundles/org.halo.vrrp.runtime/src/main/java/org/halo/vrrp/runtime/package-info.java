/** Runs VRRP instances from ConfigAdmin on the Linux layer; publishes the runtime view. */
package org.halo.vrrp.runtime;
