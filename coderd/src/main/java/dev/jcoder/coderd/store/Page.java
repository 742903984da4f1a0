package dev.jcoder.coderd.store;

import java.util.List;

/** One page of a list and the number of matching rows, ignoring pagination. */
public record Page<T>(List<T> items, int count) {
    public Page {
        items = List.copyOf(items);
    }
}
