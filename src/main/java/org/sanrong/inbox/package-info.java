/**
 * 站内消息: notices that other modules send to an organisation (or one of its members), each person's read state
 * and unread count, and an optional e-mail copy sent after the sender's transaction commits.
 */
@NullMarked
package org.sanrong.inbox;

import org.jspecify.annotations.NullMarked;
