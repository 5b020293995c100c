/**
 * 金融顾问 / 一企一策: institutions name finance advisers from their members; government assigns them to enterprises
 * (by town, by industry, or answering an enterprise's request); advisers log each visit or service, enterprises rate
 * each service once, and government's board shows coverage by town and how many working days enterprises waited
 * for the first service.
 */
@NullMarked
package org.sanrong.advisory;

import org.jspecify.annotations.NullMarked;
