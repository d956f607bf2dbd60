/** Example plug-in: a complete small checker for plug-in authors. */
package org.halo.example.checker;
