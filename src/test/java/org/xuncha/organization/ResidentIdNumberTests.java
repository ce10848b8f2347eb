package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** GB 11643 resident ID numbers: check character, birth date, masking. */
class ResidentIdNumberTests {

    @Test
    void acceptsWellFormedNumbersIncludingAnXCheckCharacter() {
        assertThat(ResidentIdNumber.isValid("411403198802150022")).isTrue();
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdNumber.isValid("11010519491231002x")).isTrue();
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(ResidentIdNumber.isValid(DemoDistrict.idNumber(random))).isTrue();
        }
    }

    @Test
    void refusesAWrongCheckCharacterDateOrLength() {
        assertThat(ResidentIdNumber.isValid("411403198802150023")).isFalse();
        assertThat(ResidentIdNumber.isValid("411403198802300022")).isFalse();
        assertThat(ResidentIdNumber.isValid("41140319880215002")).isFalse();
        assertThat(ResidentIdNumber.isValid("4114031988021500222")).isFalse();
        assertThat(ResidentIdNumber.isValid("4.11403198802E+17")).isFalse();
    }

    @Test
    void recognisesTheMaskedFormOfTheExport() {
        assertThat(ResidentIdNumber.isMasked("**************002X")).isTrue();
        assertThat(ResidentIdNumber.isMasked("**************0022")).isTrue();
        assertThat(ResidentIdNumber.isMasked("411403198802150022")).isFalse();
        assertThat(ResidentIdNumber.tail("11010519491231002x")).isEqualTo("002X");
    }
}
