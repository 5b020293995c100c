package org.sanrong.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SanrongProperties.class)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

    /** All business dates are China time (DOMAIN.md). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }

    @Bean
    DatabaseMode databaseMode(ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabase> embedded) {
        return new DatabaseMode(embedded.getIfAvailable() != null);
    }

    /** Chinese first; {@code ?lang=en} switches and is remembered in a cookie. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sanrong-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
