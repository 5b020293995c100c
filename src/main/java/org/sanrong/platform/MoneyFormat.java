package org.sanrong.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Templates format money as {@code ${@money.wan(fen)}} and {@code ${@money.yi(fen)}}. */
@Component("money")
public class MoneyFormat {

    public String wan(@Nullable Long fen) {
        return Fen.formatWan(fen);
    }

    public String yi(@Nullable Long fen) {
        return Fen.formatYi(fen);
    }
}
