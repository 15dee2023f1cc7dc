package io.mediahooks.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MutationsTest {

    private static final byte[] VALID = "{\"a\":\"b\\\"c\",\"d\":[1,2]}".getBytes(StandardCharsets.UTF_8);
    private final Random random = new Random(7);

    @RepeatedTest(20)
    void truncationAlwaysCutsBeforeTheEnd() {
        byte[] cut = Mutations.truncate(VALID, random);
        assertThat(cut.length).isBetween(1, VALID.length - 1);
    }

    @RepeatedTest(20)
    void aBitFlipChangesOneUnescapedQuoteIntoSomethingElse() {
        byte[] flipped = Mutations.flipQuoteBit(VALID, random);
        int changed = -1;
        for (int i = 0; i < VALID.length; i++) {
            if (VALID[i] != flipped[i]) {
                assertThat(changed).as("one byte only").isEqualTo(-1);
                changed = i;
            }
        }
        assertThat(VALID[changed]).isEqualTo((byte) '"');
        assertThat(VALID[changed - 1]).as("never the escaped quote").isNotEqualTo((byte) '\\');
        assertThat(Integer.bitCount((VALID[changed] ^ flipped[changed]) & 0xff)).isEqualTo(1);
    }

    @Test
    void invalidUtf8GoesRightAfterTheOpeningQuoteOfTheField() {
        byte[] damaged = Mutations.invalidUtf8In(VALID, "a", "c0af");
        assertThat(new String(damaged, StandardCharsets.ISO_8859_1)).startsWith("{\"a\":\"\u00c0\u00afb");
    }

    @Test
    void nestingAndDuplicatesAreWrittenAsText() {
        assertThat(Mutations.nestedArrays(3)).isEqualTo("[[[]]]");
        assertThat(Mutations.nestedObjects(3)).isEqualTo("{\"a\":{\"a\":{}}}");
        assertThat(new String(Mutations.duplicateField(VALID, "a", "1"), StandardCharsets.UTF_8)).endsWith(",\"a\":1}");
        for (byte b : Mutations.junk(100, random)) {
            assertThat(b & 0x80).as("never an ASCII byte").isEqualTo(0x80);
        }
    }
}
