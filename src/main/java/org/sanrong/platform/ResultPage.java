package org.sanrong.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public <R> ResultPage<R> map(Function<T, R> f) {
        return new ResultPage<>(items.stream().map(f).toList(), page, size, total);
    }

    /** Clamps a requested page size to what a page may show. */
    public static int sizeOf(int requested) {
        return Math.clamp(requested, 1, 200);
    }
}
