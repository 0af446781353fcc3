/**
 * What each signed-in person has to do, gathered from every context: a reviewer's draft rounds,
 * comments waiting for their answers and invitations; an organizer's campaigns; a moderator's
 * queues; a citizen's comments still waiting for an answer.
 */
package org.duhbalkana.work;
