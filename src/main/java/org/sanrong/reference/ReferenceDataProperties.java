package org.sanrong.reference;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the reference files are, under {@code sanrong.reference.*}: any Spring resource location, so another
 * city points them at its own files ({@code file:/etc/sanrong/towns.csv}).
 */
@ConfigurationProperties("sanrong.reference")
record ReferenceDataProperties(
        @DefaultValue("classpath:reference/towns.csv") String towns,
        @DefaultValue("classpath:reference/industries-gbt4754-2017.csv") String industries,
        @DefaultValue("classpath:reference/emerging-industries.csv") String emergingIndustries,
        @DefaultValue("classpath:reference/qualification-kinds.csv") String qualificationKinds) {

    Map<Dataset, String> locations() {
        Map<Dataset, String> locations = new EnumMap<>(Dataset.class);
        locations.put(Dataset.TOWNS, towns);
        locations.put(Dataset.INDUSTRIES, industries);
        locations.put(Dataset.EMERGING_INDUSTRIES, emergingIndustries);
        locations.put(Dataset.QUALIFICATION_KINDS, qualificationKinds);
        return locations;
    }
}
