/**
 * 数据归集 (data hub): government data about enterprises imported by source — tax, social insurance and housing
 * fund, utilities, customs, court judgements, administrative penalties, IP registrations — with the provenance of
 * every batch, a quality report, and disputes over single items. Institutions see it only under the enterprise's
 * consent grant, and every such read is audited.
 */
@NullMarked
package org.sanrong.datahub;

import org.jspecify.annotations.NullMarked;
