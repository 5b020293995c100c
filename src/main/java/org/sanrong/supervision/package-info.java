/**
 * 督查督办: responsibility task tables imported from offices' Excel or CSV files (title rows, Chinese headers, merged
 * cells, several units in a cell), each task's lead and co-operating units, progress reports by period, the finance
 * office's review and score, lights from the lag behind the time-proportional schedule (序时进度), reminders for
 * overdue reports, and a task's live figure when it is bound to a plan indicator.
 */
@NullMarked
package org.sanrong.supervision;

import org.jspecify.annotations.NullMarked;
