/** Gogo shell over a root-only Unix domain socket; no public API. */
package org.halo.shell;
