/**
 * Credit profile (信用画像): features, scorecard models, ratings.
 */
@NullMarked
package org.sanrong.credit;

import org.jspecify.annotations.NullMarked;
