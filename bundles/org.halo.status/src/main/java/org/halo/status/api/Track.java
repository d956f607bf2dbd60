package org.halo.status.api;

/**
 * One tracked object of an instance (track_interface, track_script, track_file, track_process) with the
 * weight in force; keepalived prints them as "Tracked interfaces :" / "     eth1 weight -10".
 *
 * @param kind   {@code interface}, {@code script}, {@code file} or {@code process}
 * @param name   the tracked object's name
 * @param weight  the entry's weight (0: failure means FAULT)
 * @param reverse keepalived's {@code reverse}: the sense of the tracked state is inverted
 */
public record Track(String kind, String name, int weight, boolean reverse) {
}
