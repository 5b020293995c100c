package org.sanrong.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns counts into the small JSON that {@code /js/charts.js} draws; controllers put it in the model and
 * templates write it into a {@code data-chart} attribute.
 */
@Component
public class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageSource messages;

    Charts(MessageSource messages) {
        this.messages = messages;
    }

    public String bar(Map<?, ? extends Number> counts) {
        return spec("bar", counts, null);
    }

    /** A funnel, stages in the map's order (the widest first). */
    public String funnel(Map<?, ? extends Number> stages) {
        return spec("funnel", stages, null);
    }

    /** A pie whose keys are enums named through the message bundle ({@code prefix + key}). */
    public String pie(Map<?, ? extends Number> counts, String labelPrefix) {
        return spec("pie", counts, labelPrefix);
    }

    /**
     * Lines over a shared category axis (months), one per series, in the map's order; a series named with a leading
     * "%" is drawn against a second axis in percent.
     */
    public String line(List<String> names, Map<String, ? extends List<? extends Number>> series) {
        List<Map<String, Object>> out = new ArrayList<>();
        series.forEach((name, values) -> out.add(Map.of("name", name, "values", values)));
        return JSON.writeValueAsString(Map.of("type", "line", "names", names, "series", out));
    }

    private String spec(String type, Map<?, ? extends Number> counts, String labelPrefix) {
        List<String> names = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        counts.forEach((k, v) -> {
            if (type.equals("pie") && v.longValue() == 0) {
                return; // an empty slice only clutters the labels
            }
            names.add(labelPrefix == null ? String.valueOf(k)
                    : messages.getMessage(labelPrefix + k, null, String.valueOf(k), LocaleContextHolder.getLocale()));
            values.add(v);
        });
        return JSON.writeValueAsString(Map.of("type", type, "names", names, "values", values));
    }
}
