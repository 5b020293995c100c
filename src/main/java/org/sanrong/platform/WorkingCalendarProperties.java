package org.sanrong.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sanrong.calendar.*}; a record of its own (like the reference module's) so that a YAML list
 * binds as well as a comma-separated value.
 *
 * @param files extra holiday files (any Spring resource location, e.g. {@code file:/etc/sanrong/holidays-2027.csv});
 *     a year given in one of them replaces the bundled rows of that year
 */
@ConfigurationProperties("sanrong.calendar")
record WorkingCalendarProperties(@DefaultValue List<String> files) {
}
