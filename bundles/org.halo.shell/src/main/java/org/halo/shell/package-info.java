/** Gogo shell over a root-only Unix domain socket. */
package org.halo.shell;
