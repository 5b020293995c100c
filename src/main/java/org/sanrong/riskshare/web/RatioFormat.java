package org.sanrong.riskshare.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.sanrong.riskshare.Yuan;
import org.springframework.stereotype.Component;

/** Templates write ratios as {@code ${@ratio.percent(r)}} ("40%", "35.5%"). */
@Component("ratio")
public class RatioFormat {

    public String percent(@Nullable BigDecimal ratio) {
        return ratio == null ? "—" : Yuan.percent(ratio);
    }
}
