package org.duhbalkana.consultation;

/** What a commenter thinks of the part of the draft they comment on. */
public enum Stance {
    SUPPORTS,
    OPPOSES,
    NEUTRAL
}
