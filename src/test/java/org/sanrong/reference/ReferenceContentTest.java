package org.sanrong.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading and checking reference files: a malformed file is refused with its name, the line and the problem. */
class ReferenceContentTest {

    private static ReferenceFile file(Dataset dataset, String text) {
        return new ReferenceFile(dataset, "test/" + dataset.key + ".csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String INDUSTRIES = """
            code,name,level,parent
            C,制造业,SECTION,
            C39,计算机、通信和其他电子设备制造业,DIVISION,C
            C391,计算机制造,GROUP,C39
            C3911,计算机整机制造,CLASS,C391
            """;

    @Test
    void readsIndustriesWithTheirParents() {
        assertThat(ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES))).containsExactly(
                new Industry("C", "制造业", Industry.Level.SECTION, null),
                new Industry("C39", "计算机、通信和其他电子设备制造业", Industry.Level.DIVISION, "C"),
                new Industry("C391", "计算机制造", Industry.Level.GROUP, "C39"),
                new Industry("C3911", "计算机整机制造", Industry.Level.CLASS, "C391"));
    }

    @Test
    void refusesAWrongHeader() {
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, """
                code,name,level,parent_code
                C,制造业,SECTION,
                """)))
                .isInstanceOf(MalformedReferenceDataException.class)
                .hasMessageContaining("test/industries.csv")
                .hasMessageContaining("line 1")
                .hasMessageContaining("header must be code,name,level,parent");
    }

    @Test
    void refusesAParentThatDoesNotExist() {
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES
                + "C3921,通信系统设备制造,CLASS,C392\n")))
                .isInstanceOf(MalformedReferenceDataException.class)
                .hasMessageContaining("test/industries.csv, line 6")
                .hasMessageContaining("parent C392 of C3921 does not exist");
    }

    @Test
    void refusesADuplicateCode() {
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES
                + "C3911,计算机整机制造（重复）,CLASS,C391\n")))
                .isInstanceOf(MalformedReferenceDataException.class)
                .hasMessageContaining("line 6")
                .hasMessageContaining("duplicate code C3911 (already on line 5)");
    }

    @Test
    void refusesABadLevelAndACodeOfTheWrongLength() {
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES
                + "C392,通信设备制造,SUBGROUP,C39\n")))
                .hasMessageContaining("line 6").hasMessageContaining("level \"SUBGROUP\"");
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES
                + "C392,通信设备制造,CLASS,C39\n")))
                .hasMessageContaining("line 6").hasMessageContaining("is no CLASS code");
        assertThatThrownBy(() -> ReferenceContent.industries(file(Dataset.INDUSTRIES, INDUSTRIES
                + "C3921,通信系统设备制造,CLASS,C39\n")))
                .hasMessageContaining("line 6").hasMessageContaining("cannot hold CLASS C3921");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThatThrownBy(() -> ReferenceContent.towns(file(Dataset.TOWNS, """
                code,name,kind
                441900003,东城街道,街道
                441900004,南城街道
                """)))
                .hasMessageContaining("test/towns.csv, line 3").hasMessageContaining("expected 3 fields");
    }

    @Test
    void readsQuotedFieldsAndIgnoresAByteOrderMarkAndBlankLines() {
        var kinds = ReferenceContent.qualificationKinds(file(Dataset.QUALIFICATION_KINDS, """
                \uFEFFcode,name,issuer,whitelist\r
                LITTLE_GIANT,"专精特新""小巨人""企业",工信部门,true\r
                \r
                "GAZELLE", 瞪羚企业 ,"科技部门, 松山湖",FALSE\r
                """));
        assertThat(kinds).containsExactly(new QualificationKind("LITTLE_GIANT", "专精特新\"小巨人\"企业", "工信部门", true),
                new QualificationKind("GAZELLE", "瞪羚企业", "科技部门, 松山湖", false));
    }

    @Test
    void refusesAWhitelistThatIsNotABoolean() {
        assertThatThrownBy(() -> ReferenceContent.qualificationKinds(file(Dataset.QUALIFICATION_KINDS, """
                code,name,issuer,whitelist
                HIGH_TECH,高新技术企业,科技部门,yes
                """)))
                .hasMessageContaining("line 2").hasMessageContaining("whitelist must be true or false");
    }

    @Test
    void refusesAnEmergingIndustryPrefixThatIsNoIndustryCode() {
        assertThatThrownBy(() -> ReferenceContent.emergingIndustries(file(Dataset.EMERGING_INDUSTRIES, """
                code,name,industry_prefixes
                1,新一代信息技术产业,C39|I65
                2,高端装备制造产业,C34|C99
                """), Set.of("C39", "I65", "C34")))
                .hasMessageContaining("test/emerging-industries.csv, line 3")
                .hasMessageContaining("industry prefix C99 is not a code of the industry file");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] gbk = "code,name,kind\n441900003,东城街道,街道\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> ReferenceContent.towns(new ReferenceFile(Dataset.TOWNS, "gbk.csv", gbk)))
                .hasMessageContaining("gbk.csv, line 2").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> ReferenceContent.towns(file(Dataset.TOWNS, "")))
                .hasMessageContaining("test/towns.csv").hasMessageContaining("empty");
    }
}
