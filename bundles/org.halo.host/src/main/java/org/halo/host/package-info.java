/** Plug-in host: guarded calls, check scheduling with fall/rise, notifier dispatch, forwarder reconciliation. */
package org.halo.host;
