/** Keeping it civil, safe and lawful: the audit log of privileged actions (flags, hiding and bans come next). */
package org.duhbalkana.moderation;
