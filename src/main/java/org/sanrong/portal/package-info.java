/** The portal: the public landing page and each role's home page, built from other modules' read APIs (all in web). */
@NullMarked
package org.sanrong.portal;

import org.jspecify.annotations.NullMarked;
