/** VRRP engine: codec, state machine, timers, sync groups, tracking. */
package org.halo.vrrp;
