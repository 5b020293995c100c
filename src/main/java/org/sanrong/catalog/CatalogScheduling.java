package org.sanrong.catalog;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link ProductCatalog#expire} daily; products past validity are also hidden by the queries meanwhile. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogScheduling {
}
