package org.halo.config.cm.internal;


import java.util.List;

/**
 * What a reload changes. {@code update} pairs an existing configuration's PID with its new properties.
 */
public record Plan(List<Desired> create, List<Update> update, List<String> delete, int unchanged) {
    public Plan {
        create = List.copyOf(create);
        update = List.copyOf(update);
        delete = List.copyOf(delete);
    }

    /** An owned configuration ({@code pid}) whose properties change to {@code desired}. */
    public record Update(String pid, Desired desired) {
    }

    public boolean isEmpty() {
        return create.isEmpty() && update.isEmpty() && delete.isEmpty();
    }

    @Override
    public String toString() {
        return create.size() + " created, " + update.size() + " updated, " + delete.size() + " deleted, " + unchanged + " unchanged";
    }
}
