package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A numbered section (article) of a draft: a heading and its text. */
@Entity
@Table(name = "round_section")
public class Section {

    static final int MAX_HEADING = 300;
    static final int MAX_BODY = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id")
    private ConsultationRound round;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "heading", nullable = false, length = MAX_HEADING)
    private String heading;

    @Column(name = "body", nullable = false)
    private String body;

    /** The text in its search form ({@link org.duhbalkana.text.SearchText#column}), kept with the text. */
    @Column(name = "search_text")
    private String searchText;

    protected Section() {
    }

    Section(ConsultationRound round, int position, String heading, String body) {
        this.round = round;
        this.position = position;
        edit(heading, body);
    }

    void edit(String heading, String body) {
        this.heading = Texts.required(heading, MAX_HEADING, "consultation.error.heading");
        this.body = Texts.required(body, MAX_BODY, "consultation.error.sectionBody");
        this.searchText = org.duhbalkana.text.SearchText.column(this.heading, this.body);
    }

    void moveTo(int position) {
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public ConsultationRound round() {
        return round;
    }

    /** The section's number in the draft, from 1. */
    public int number() {
        return position;
    }

    public String heading() {
        return heading;
    }

    public String body() {
        return body;
    }
}
