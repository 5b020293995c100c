/**
 * 科技成果库: patents and research results of enterprises, universities and research institutes, with their industry,
 * technology readiness level and what the owner wants (licence, transfer, joint development, financing); searched
 * by anyone signed in, answered by enterprises' expressions of interest that reach the owner, and, for an
 * enterprise's granted patent, the IP-pledge loans the owner qualifies for.
 */
@NullMarked
package org.sanrong.achievement;

import org.jspecify.annotations.NullMarked;
