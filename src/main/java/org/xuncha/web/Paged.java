package org.xuncha.web;

import java.util.List;

/** One page of a list with the total behind it, for list pages and their pager. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public long offset() {
        return (long) page * size;
    }

    /** Clamps a requested page number and size to sane bounds. */
    public static int pageNumber(int requested) {
        return Math.max(0, requested);
    }

    public static int pageSize(int requested) {
        return requested <= 0 ? DEFAULT_SIZE : Math.min(requested, 200);
    }
}
