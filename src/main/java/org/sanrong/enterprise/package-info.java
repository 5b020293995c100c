/**
 * 企业库, the enterprise database: profiles with their history, qualifications and whitelists, consent grants that
 * let institutions see private profiles, the directory, and bulk import. An institution sees an enterprise's
 * public card always and its private profile only under a live consent grant, enforced here and audited.
 */
@NullMarked
package org.sanrong.enterprise;

import org.jspecify.annotations.NullMarked;
