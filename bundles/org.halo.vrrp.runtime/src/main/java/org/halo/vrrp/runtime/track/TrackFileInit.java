package org.halo.vrrp.runtime.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** keepalived track_file.c track_file_end_handler: init_file writes "VALUE\n" at start. */
final class TrackFileInit {
    private TrackFileInit() {
    }

    /** Writes the init value if the file is missing, or over a regular file with {@code overwrite}. */
    static void apply(TrackFileSpec spec, Logger log) {
        TrackFileSpec.Init init = spec.init();
        Path f = spec.file();
        if (init == null) {
            return;
        }
        if (Files.exists(f)) {
            if (!init.overwrite()) {
                return;
            }
            if (!Files.isRegularFile(f)) {
                log.warning("Cannot initialise track file " + spec.name() + " - it is not a regular file");
                return;
            }
        }
        try {
            Files.writeString(f, init.value() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.warning("Unable to initialise track file " + spec.name());
        }
    }
}
