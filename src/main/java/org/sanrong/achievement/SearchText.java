package org.sanrong.achievement;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Full-text search over Chinese and mixed text without a Chinese word segmenter. PostgreSQL's {@code to_tsvector}
 * has no Chinese parser (zhparser and pg_jieba are extensions neither the embedded server nor most managed ones
 * carry), and pg_trgm's word splitting depends on the database's locale. So the index terms are computed here:
 * every Han character and every pair of adjacent Han characters (overlapping bigrams, as Lucene's CJK analyzer does),
 * and every run of other letters and digits as one lower-case word. They are kept in a {@code text[]} column with a
 * GIN index; a query word's terms must all be present ({@code @>}, answered by the index), and the normalised text
 * must contain the word as typed ({@code LIKE}), which removes bigrams that occur apart.
 *
 * <p>Hence: Chinese is found by any substring, one character or more; Latin letters and digits match whole words
 * ("AI" finds "AI芯片" but "lith" does not find "lithium"). Text is folded with NFKC and lower-cased on both sides,
 * so full-width "ＡＩ" and "ai" are the same.
 */
final class SearchText {

    private SearchText() {
    }

    /** NFKC-folded, lower-case, blanks collapsed to single spaces. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .strip();
    }

    /** The terms a document is indexed under. */
    static Set<String> indexTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Run run : runs(normalise(text))) {
            if (run.han()) {
                String s = run.text();
                int[] cps = s.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    terms.add(new String(cps, i, 1));
                    if (i + 1 < cps.length) {
                        terms.add(new String(cps, i, 2));
                    }
                }
            } else {
                terms.add(run.text());
            }
        }
        return terms;
    }

    /** The words of a query (split at blanks), normalised; each must occur in a document that matches. */
    static List<String> queryWords(String query) {
        String q = normalise(query);
        return q.isEmpty() ? List.of() : List.of(q.split(" "));
    }

    /**
     * The index terms a document containing {@code word} must have: a Han run of one character is itself, a longer
     * one its bigrams; other letters and digits their whole runs. A word of punctuation alone needs none.
     */
    static Set<String> termsOf(String word) {
        Set<String> terms = new LinkedHashSet<>();
        for (Run run : runs(normalise(word))) {
            if (run.han()) {
                int[] cps = run.text().codePoints().toArray();
                if (cps.length == 1) {
                    terms.add(run.text());
                }
                for (int i = 0; i + 1 < cps.length; i++) {
                    terms.add(new String(cps, i, 2));
                }
            } else {
                terms.add(run.text());
            }
        }
        return terms;
    }

    private record Run(String text, boolean han) {
    }

    /** Maximal runs of Han characters, and of other letters and digits; everything else separates. */
    private static List<Run> runs(String s) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Boolean currentHan = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            boolean word = han || Character.isLetterOrDigit(cp);
            if (!word || (currentHan != null && currentHan != han)) {
                if (!current.isEmpty()) {
                    runs.add(new Run(current.toString(), currentHan));
                    current.setLength(0);
                }
                currentHan = null;
            }
            if (word) {
                current.appendCodePoint(cp);
                currentHan = han;
            }
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentHan));
        }
        return runs;
    }
}
