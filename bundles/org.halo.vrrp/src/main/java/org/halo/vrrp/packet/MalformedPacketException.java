package org.halo.vrrp.packet;

/** The bytes cannot be parsed as a VRRP packet at all (too short, inconsistent lengths). */
public class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
