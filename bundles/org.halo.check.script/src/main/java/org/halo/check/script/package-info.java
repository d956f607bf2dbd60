/** MISC_CHECK and vrrp_script: runs a script with a timeout. */
package org.halo.check.script;
