package org.xuncha.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Page arithmetic of the list pages and their pager. */
class PagedTests {

    @Test
    void countsPagesRoundingUp() {
        assertThat(paged(0, 20, 349).totalPages()).isEqualTo(18);
        assertThat(paged(0, 20, 340).totalPages()).isEqualTo(17);
        assertThat(paged(0, 20, 1).totalPages()).isEqualTo(1);
    }

    @Test
    void anEmptyListHasOnePageAndNoNeighbours() {
        Paged<String> empty = paged(0, 20, 0);

        assertThat(empty.totalPages()).isEqualTo(1);
        assertThat(empty.hasPrevious()).isFalse();
        assertThat(empty.hasNext()).isFalse();
    }

    @Test
    void knowsItsNeighbours() {
        assertThat(paged(0, 20, 349).hasPrevious()).isFalse();
        assertThat(paged(0, 20, 349).hasNext()).isTrue();
        assertThat(paged(16, 20, 349).hasNext()).isTrue();
        assertThat(paged(17, 20, 349).hasNext()).isFalse();
        assertThat(paged(17, 20, 349).hasPrevious()).isTrue();
    }

    @Test
    void offsetIsPageTimesSizeWithoutOverflow() {
        assertThat(paged(3, 20, 349).offset()).isEqualTo(60);
        assertThat(paged(Integer.MAX_VALUE, 200, 0).offset()).isEqualTo(Integer.MAX_VALUE * 200L);
    }

    @Test
    void clampsRequestedPageAndSize() {
        assertThat(Paged.pageNumber(-5)).isZero();
        assertThat(Paged.pageNumber(4)).isEqualTo(4);
        assertThat(Paged.pageSize(0)).isEqualTo(Paged.DEFAULT_SIZE);
        assertThat(Paged.pageSize(-1)).isEqualTo(Paged.DEFAULT_SIZE);
        assertThat(Paged.pageSize(50)).isEqualTo(50);
        assertThat(Paged.pageSize(10_000)).isEqualTo(200);
    }

    private static Paged<String> paged(int page, int size, long total) {
        return new Paged<>(List.of(), page, size, total);
    }
}
