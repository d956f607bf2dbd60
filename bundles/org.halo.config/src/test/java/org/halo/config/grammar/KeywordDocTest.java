package org.halo.config.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/config-keywords.md must be what the registry generates (regenerate with -Dhalo.docs.regenerate=true). */
class KeywordDocTest {
    private static final Path DOC = Path.of("../../docs/config-keywords.md");

    @Test
    void keywordTableIsUpToDate() throws Exception {
        String generated = KeywordTable.markdown();
        if (Boolean.getBoolean("halo.docs.regenerate")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), DOC.toAbsolutePath() + " missing: run with -Dhalo.docs.regenerate=true");
        assertEquals(generated, Files.readString(DOC, StandardCharsets.UTF_8),
            "docs/config-keywords.md is stale: run with -Dhalo.docs.regenerate=true");
    }

    @Test
    void tableCoversTheRegistry() {
        String t = KeywordTable.markdown();
        assertTrue(t.contains("| vrrp_instance | `priority` | value | implemented |"));
        assertTrue(t.contains("`lb_algo`"), "aliases are listed");
        assertTrue(t.contains("| (top level) | `linkbeat_use_polling` | value | parsed |"));
    }
}
