package org.xuncha.confidential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SM3 against the example of GB/T 32905-2016. */
class Sm3Tests {

    @Test
    void matchesTheStandardsExampleForAbc() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void matchesTheStandardsSixtyFourByteExample() {
        assertThat(Sm3.hex("abcd".repeat(16)))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }
}
