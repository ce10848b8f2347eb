package org.xuncha.confidential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM encryption of confidential fields and the checks on its key. */
class FieldCipherTests {

    private static final String KEY = "0123456789abcdeffedcba9876543210";

    private final FieldCipher cipher = new FieldCipher(HexFormat.of().parseHex(KEY));

    @Test
    void decryptsWhatItEncrypted() {
        String idNumber = "41140319800101123X";

        assertThat(cipher.decrypt(cipher.encrypt(idNumber))).isEqualTo(idNumber);
        assertThat(cipher.decrypt(cipher.encrypt("实名举报人：张三"))).isEqualTo("实名举报人：张三");
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void theSamePlaintextGivesADifferentCiphertextEachTime() {
        byte[] first = cipher.encrypt("41140319800101123X");
        byte[] second = cipher.encrypt("41140319800101123X");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("411403");
    }

    @Test
    void aTamperedCiphertextFails() {
        byte[] sealed = cipher.encrypt("41140319800101123X");
        sealed[sealed.length / 2] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        FieldCipher other = new FieldCipher(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));

        assertThatThrownBy(() -> other.decrypt(cipher.encrypt("41140319800101123X")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAWeakKey() {
        assertThatThrownBy(() -> new FieldCipher(new byte[16]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("weak");
        assertThatThrownBy(() -> new FieldCipher(HexFormat.of().parseHex("01010101010101010101010101010101")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAConfiguredKeyThatIsNotThirtyTwoHexDigits(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new FieldCipher("0123456789abcdef", "", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 hexadecimal digits");
        assertThatThrownBy(() -> new FieldCipher("zz23456789abcdeffedcba9876543210", "", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anExternalDatabaseNeedsAConfiguredKey(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new FieldCipher("", "jdbc:postgresql://db/xuncha", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("XUNCHA_FIELD_KEY");
    }

    @Test
    void outsideTheDemoAnEmbeddedStartWithoutAKeyIsRefusedAndNoKeyIsGenerated(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new FieldCipher("", "", "false", dataDir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("XUNCHA_FIELD_KEY")
                .hasMessageContaining("XUNCHA_DEMO=false");
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }

    @Test
    void embeddedModeGeneratesAKeyOnceAndKeepsIt(@TempDir Path dataDir) throws Exception {
        FieldCipher first = new FieldCipher("", "", dataDir.toString());
        Path keyFile = dataDir.resolve("secrets").resolve("field-key");
        assertThat(Files.readString(keyFile)).matches("[0-9a-f]{32}");

        FieldCipher second = new FieldCipher("", "", dataDir.toString());

        assertThat(second.decrypt(first.encrypt("41140319800101123X"))).isEqualTo("41140319800101123X");
    }
}
