package org.sanrong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksMobileNumbersInTheMiddle() {
        assertThat(PersonalData.maskMobile("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskMobile("076922345678")).isEqualTo("********5678");
        assertThat(PersonalData.maskMobile(null)).isEmpty();
    }

    @Test
    void masksAllButTheFamilyName() {
        assertThat(PersonalData.maskName("张三")).isEqualTo("张*");
        assertThat(PersonalData.maskName("欧阳小明")).isEqualTo("欧***");
        assertThat(PersonalData.maskName("王")).isEqualTo("王");
    }

    @Test
    void masksEmailsAndIdCardNumbers() {
        assertThat(PersonalData.maskEmail("alice@x.cn")).isEqualTo("a***@x.cn");
        assertThat(PersonalData.maskEmail("张三@企业.cn")).isEqualTo("张***@企业.cn");
        assertThat(PersonalData.maskEmail("not-an-address")).isEqualTo("***");
        assertThat(PersonalData.maskIdCard("110101199003071234")).isEqualTo("110***********1234");
        assertThat(PersonalData.maskIdCard("11010119900307123X")).isEqualTo("110***********123X");
    }
}
