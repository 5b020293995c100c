package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FenTest {

    @Test
    void convertsWanExactly() {
        assertThat(Fen.fromWan("1234.56")).isEqualTo(1_234_560_000L);
        assertThat(Fen.fromWan("0.000001")).isEqualTo(1L);
        assertThat(Fen.fromWan("1,000")).isEqualTo(1_000_000_000L);
        assertThat(Fen.fromWan(" ")).isNull();
    }

    @Test
    void refusesNegativeFractionsOfAFenAndNonsense() {
        assertThatThrownBy(() -> Fen.fromWan("-1")).hasMessage("金额不能为负数");
        assertThatThrownBy(() -> Fen.fromWan("0.0000001")).hasMessageContaining("精确到分");
        assertThatThrownBy(() -> Fen.fromWan("abc", "营业收入")).hasMessage("营业收入“abc”不是数字");
        assertThatThrownBy(() -> Fen.fromWan("100000000.000001")).hasMessageContaining("超过1万亿元");
        assertThat(Fen.fromWan("100000000")).isEqualTo(Fen.MAX);
    }

    @Test
    void formatsForReading() {
        assertThat(Fen.formatWan(1_234_560_000L)).isEqualTo("1,234.56万元");
        assertThat(Fen.formatYi(1_235_000_000_000L)).isEqualTo("123.50亿元");
        assertThat(Fen.toWanInput(1_234_560_000L)).isEqualTo("1234.56");
    }

    /** Round trip against BigDecimal arithmetic done the plain way. */
    @Test
    void roundTripsAnyFenAmount() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long fen = Math.floorMod(random.nextLong(), Fen.MAX + 1);
            String wan = new BigDecimal(fen).movePointLeft(6).toPlainString();
            assertThat(Fen.fromWan(wan)).isEqualTo(fen);
            assertThat(Fen.fromWan(Fen.toWanInput(fen))).isEqualTo(fen);
        }
    }
}
