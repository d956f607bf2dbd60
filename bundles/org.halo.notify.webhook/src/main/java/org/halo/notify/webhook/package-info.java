/** POSTs signed JSON events to webhooks. */
package org.halo.notify.webhook;
