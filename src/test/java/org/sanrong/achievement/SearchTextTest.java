package org.sanrong.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index terms never lose a match: any piece of a text that does not cut a Latin word in half needs only terms
 * the text was indexed under (checked on thousands of random texts), so the GIN pre-filter can only narrow.
 */
class SearchTextTest {

    private static final String HAN = "锂电池储能芯片智能制造光学材料检测视觉机器人";
    private static final String[] LATIN = {"AI", "5G", "smt", "LiDAR", "ＡＩ", "cn2023"};
    private static final String[] GAPS = {" ", "，", "-", "、", "（", "）", "  "};

    @Test
    void hanTextIsIndexedByCharactersAndPairsLatinByWholeWords() {
        assertThat(SearchText.indexTerms("锂电池 AI-芯片")).containsExactlyInAnyOrder("锂", "电", "池", "锂电", "电池",
                "ai", "芯", "片", "芯片");
        assertThat(SearchText.termsOf("电池")).containsExactly("电池");
        assertThat(SearchText.termsOf("储能电池")).containsExactly("储能", "能电", "电池");
        assertThat(SearchText.termsOf("池")).containsExactly("池");
        assertThat(SearchText.termsOf("ＡＩ芯片")).containsExactly("ai", "芯片");
        assertThat(SearchText.termsOf("，")).isEmpty();
        assertThat(SearchText.queryWords("  锂电池　 AI ")).containsExactly("锂电池", "ai");
    }

    @Test
    void everyPieceOfATextNeedsOnlyTermsTheTextHas() {
        Random random = new Random(20260101);
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random);
            String normal = SearchText.normalise(text);
            var indexed = SearchText.indexTerms(text);
            int from = random.nextInt(normal.length());
            int to = from + 1 + random.nextInt(normal.length() - from);
            while (from > 0 && latin(normal.charAt(from - 1)) && latin(normal.charAt(from))) {
                from--;
            }
            while (to < normal.length() && latin(normal.charAt(to - 1)) && latin(normal.charAt(to))) {
                to++;
            }
            String piece = normal.substring(from, to);
            for (String word : SearchText.queryWords(piece)) {
                assertThat(normal).contains(word);
                assertThat(indexed).as("text %s, piece %s", text, word).containsAll(SearchText.termsOf(word));
            }
        }
    }

    @Test
    void aLatinFragmentIsNotAWord() {
        assertThat(SearchText.indexTerms("LiDAR 激光雷达")).doesNotContain("lid").contains("lidar");
        assertThat(SearchText.indexTerms("LiDAR 激光雷达")).containsAll(SearchText.termsOf("LIDAR"));
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    int n = 1 + random.nextInt(6);
                    for (int j = 0; j < n; j++) {
                        b.append(HAN.charAt(random.nextInt(HAN.length())));
                    }
                }
                case 1 -> b.append(LATIN[random.nextInt(LATIN.length)]);
                default -> b.append(GAPS[random.nextInt(GAPS.length)]);
            }
        }
        return b.toString().isBlank() ? "芯片" : b.toString();
    }

    private static boolean latin(char c) {
        return Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN;
    }
}
