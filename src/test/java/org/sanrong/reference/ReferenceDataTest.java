package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sanrong.SanrongTest;
import org.sanrong.reference.Industry.Level;
import org.springframework.beans.factory.annotation.Autowired;

/** The reference data as the application loads it from the files in src/main/resources/reference. */
@SanrongTest
class ReferenceDataTest {

    /** 新一代信息技术产业 in emerging-industries.csv. */
    static final String NEW_GENERATION_IT = "1";

    @Autowired
    ReferenceData reference;

    @Test
    void holdsDongguansThirtySixTownLevelUnits() {
        assertThat(reference.towns()).hasSize(36);
        Map<String, Long> byKind = reference.towns().stream()
                .collect(Collectors.groupingBy(Town::kind, Collectors.counting()));
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of("街道", 4L, "镇", 28L, "功能区", 4L));
        assertThat(reference.town("441900401")).hasValueSatisfying(t -> assertThat(t.name()).isEqualTo("松山湖"));
        assertThat(reference.town("999999999")).isEmpty();
    }

    @Test
    void holdsEveryLevelOfGbt4754() {
        Map<Level, Long> byLevel = reference.industries("").stream().map(Industry::code)
                .flatMap(section -> reference.industries(section).stream())
                .collect(Collectors.groupingBy(Industry::level, Collectors.counting()));
        assertThat(byLevel.get(Level.SECTION)).isEqualTo(20);
        assertThat(byLevel.get(Level.DIVISION)).isEqualTo(97);
        assertThat(byLevel.get(Level.GROUP)).isEqualTo(473);
        // The file's class count. The standard as amended (GB/T 4754-2017 第1号修改单) has 1,382 classes; one is
        // missing from the public sources the file was built from.
        assertThat(byLevel.get(Level.CLASS)).isEqualTo(1381);
    }

    @Test
    void knowsTheCodesOfTheIndustriesTheCityFunds() {
        assertThat(reference.industry("C39")).hasValue(
                new Industry("C39", "计算机、通信和其他电子设备制造业", Level.DIVISION, "C"));
        assertThat(reference.industry("C3911")).hasValue(new Industry("C3911", "计算机整机制造", Level.CLASS, "C391"));
        assertThat(reference.industry("I65")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo("软件和信息技术服务业"));
        assertThat(reference.industry(" c3911 ")).isPresent();
        assertThat(reference.industry("C3999")).isEmpty();
    }

    @Test
    void everyParentExistsOneLevelUp() {
        Map<String, Industry> all = reference.industries(null).stream()
                .flatMap(s -> reference.industries(s.code()).stream())
                .collect(Collectors.toMap(Industry::code, Function.identity()));
        assertThat(all).hasSize(20 + 97 + 473 + 1381);
        assertThat(all.values()).allSatisfy(i -> {
            if (i.level() == Level.SECTION) {
                assertThat(i.parentCode()).isNull();
            } else {
                Industry parent = all.get(i.parentCode());
                assertThat(parent).as("parent of %s", i.code()).isNotNull();
                assertThat(parent.level().ordinal()).isEqualTo(i.level().ordinal() - 1);
                assertThat(i.code()).startsWith(parent.code());
            }
        });
    }

    @Test
    void findsCodesByPrefixAndChildrenByParent() {
        assertThat(reference.industries(null)).hasSize(20).first().extracting(Industry::code).isEqualTo("A");
        assertThat(reference.industries("C391")).extracting(Industry::code)
                .containsExactly("C391", "C3911", "C3912", "C3913", "C3914", "C3915", "C3919");
        assertThat(reference.industries("Z9")).isEmpty();
        assertThat(reference.children(null)).hasSize(20);
        assertThat(reference.children("C39")).extracting(Industry::code)
                .containsExactly("C391", "C392", "C393", "C394", "C395", "C396", "C397", "C398", "C399");
        assertThat(reference.children("C3911")).isEmpty();
        assertThat(reference.children("nope")).isEmpty();
    }

    @Test
    void mapsIndustryCodesToStrategicEmergingIndustries() {
        assertThat(reference.emergingIndustries()).hasSize(9).extracting(EmergingIndustry::name).containsExactly(
                "新一代信息技术产业", "高端装备制造产业", "新材料产业", "生物产业", "新能源汽车产业", "新能源产业",
                "节能环保产业", "数字创意产业", "相关服务业");
        assertThat(reference.emergingIndustries().getFirst().name()).isEqualTo("新一代信息技术产业");
        assertThat(reference.emergingIndustriesOf("C3911")).contains(NEW_GENERATION_IT);
        assertThat(reference.emergingIndustriesOf("I6511")).contains(NEW_GENERATION_IT);
        assertThat(reference.emergingIndustriesOf("C2710")).containsExactly("4");
        assertThat(reference.emergingIndustriesOf("C3612")).contains("5");
        assertThat(reference.emergingIndustriesOf("A0111")).isEmpty();
        // Every prefix is a code of the industry file.
        assertThat(reference.emergingIndustries()).allSatisfy(e -> assertThat(e.industryPrefixes())
                .isNotEmpty().allSatisfy(p -> assertThat(reference.industry(p)).as(p).isPresent()));
    }

    @Test
    void listsTheQualificationKindsOfTheDomain() {
        assertThat(reference.qualificationKinds()).extracting(QualificationKind::code).containsExactly(
                "HIGH_TECH", "SRDI_SME", "LITTLE_GIANT", "SINGLE_CHAMPION", "DOUBLING_PLAN", "GAZELLE", "UNICORN",
                "SMALL_TO_SCALE", "TECH_SME", "MAJOR_PROJECT", "TALENT_STARTUP", "LISTING_RESERVE");
        assertThat(reference.qualificationKinds()).allSatisfy(k -> {
            assertThat(k.whitelist()).isTrue();
            assertThat(k.issuer()).endsWith("部门");
        });
        assertThat(reference.qualificationKind("LITTLE_GIANT")).hasValueSatisfying(
                k -> assertThat(k.name()).isEqualTo("专精特新\"小巨人\"企业"));
        assertThat(reference.qualificationKind("NOPE")).isEmpty();
    }
}
