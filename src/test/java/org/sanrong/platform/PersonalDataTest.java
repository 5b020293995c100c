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
}
