/**
 * Demo data: on the first start on the embedded database (or with --demo) it seeds demo organisations and the
 * accounts listed in the README, through the other modules' public APIs like any user would.
 */
@NullMarked
package org.sanrong.demo;

import org.jspecify.annotations.NullMarked;
