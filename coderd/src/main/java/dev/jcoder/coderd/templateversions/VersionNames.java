package dev.jcoder.coderd.templateversions;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Pattern;

/** Template version names: Coder's rule, and a friendly random name when none is given. */
final class VersionNames {
    /** Letters and digits, separated by single {@code _ . -}, at most 64 characters. */
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9]+(?:[_.-][a-zA-Z0-9]+)*$");
    private static final List<String> ADJECTIVES = List.of("admiring", "brave", "calm", "dazzling", "eager", "festive",
            "gallant", "happy", "jolly", "keen", "lucid", "modest", "nifty", "optimistic", "peaceful", "quirky",
            "relaxed", "serene", "tender", "upbeat", "vibrant", "wizardly", "xenodochial", "youthful", "zealous");
    private static final List<String> NOUNS = List.of("babbage", "curie", "dijkstra", "euler", "fermi", "gauss",
            "hopper", "hypatia", "johnson", "knuth", "lamport", "liskov", "lovelace", "meitner", "noether", "pascal",
            "ritchie", "shannon", "thompson", "turing", "wozniak");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VersionNames() {}

    static boolean valid(String name) {
        return name.length() <= 64 && NAME.matcher(name).matches();
    }

    static String random() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "_" + NOUNS.get(RANDOM.nextInt(NOUNS.size()))
                + RANDOM.nextInt(10);
    }
}
