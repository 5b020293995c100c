/**
 * Platform infrastructure shared by every module: the database (embedded PostgreSQL unless an external URL is
 * set), the web shell (locale, error pages, problem JSON) and the small vocabulary every module uses.
 */
@NullMarked
package org.sanrong.platform;

import org.jspecify.annotations.NullMarked;
