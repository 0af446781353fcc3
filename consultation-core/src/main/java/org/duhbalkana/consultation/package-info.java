/**
 * Consultation rounds: drafts in numbered sections, their lifecycle and jurisdiction rules,
 * comments and replies, dispositions and the consultation report.
 */
package org.duhbalkana.consultation;
