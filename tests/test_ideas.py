"""Every idea of the source articles (the brief the guide was planned from) and every
situation readers arrive in (the content guide, the 2026-12-01 read-through) is found by the
built search index on the topic that carries it: the words a reader would search for all
appear on that page."""
import pytest

from sitekit import search_pages

IDEAS = {
    "accept the decision gracefully and stay professional": ("accept-gracefully", ["gracefully", "thank", "future roles", "door open"]),
    "don't take it personally": ("dont-take-it-personally", ["personally", "internal candidate", "cut"]),
    "give yourself time to process": ("give-yourself-time", ["process", "rest"]),
    "talk to a friend or mentor": ("talk-it-through", ["friend", "mentor"]),
    "don't dwell": ("dont-dwell", ["dwell"]),
    "ask for feedback politely": ("ask-for-feedback", ["feedback", "polite", "policy"]),
    "analyse your own performance": ("analyse-your-performance", ["research", "story", "off guard", "body language", "confident"]),
    "confront your weaknesses honestly": ("face-your-weaknesses", ["weaknesses", "honest"]),
    "practise: mock interviews and the STAR method": ("practise-interviews", ["mock interview", "coach", "situation", "task", "action", "result"]),
    "refine your pitch": ("refine-your-pitch", ["pitch", "strengths", "hire"]),
    "ask better questions of the interviewer": ("ask-better-questions", ["questions", "salary", "holiday"]),
    "tailor your resume and cover letter": ("tailor-your-applications", ["resume", "cover letter", "tailor"]),
    "close skill gaps": ("close-skill-gaps", ["course", "certification", "workshop", "further education"]),
    "volunteer": ("volunteer", ["volunteer", "confidence", "skills", "resume"]),
    "work on communication": ("sharpen-communication", ["active listening", "eye contact"]),
    "keep applying": ("keep-applying", ["applying", "wait"]),
    "stay positive and lean on supportive people": ("lean-on-support", ["positive", "support"]),
    "keep your ego in check": ("keep-your-ego-in-check", ["ego", "arrogant", "receptionist", "intern"]),
    "don't count on an offer before it arrives": ("dont-count-on-an-offer", ["offer"]),
    "not every job is the right fit": ("find-the-right-fit", ["culture", "fit"]),
}


# Situations, not headings: each has its own page.
SITUATIONS = {
    "the first two days, in one order": ("first-two-days", ["tonight", "tomorrow morning", "within two days", "interview notes"]),
    "when it gets heavy": ("when-it-gets-heavy", ["tonight", "sleep", "988", "samaritans", "116 123", "emergency number"]),
    "no reply at all after an interview": ("no-reply", ["hear back", "check-in", "closed"]),
    "turned down after the final round": ("final-round-no", ["final round", "phone", "next opening"]),
    "screened out before a person saw you": ("screened-out", ["screening", "software", "online test", "one-way video"]),
    "what the reason means": ("what-the-reason-means", ["more experience", "overqualified", "fit", "on hold"]),
    "when money is running out": ("money-running-out", ["runway", "claim", "part-time", "scam"]),
    "reaching out to people": ("reach-out", ["referral", "networking", "chat"]),
    "when the offer finally comes": ("when-the-offer-comes", ["offer", "negotiate", "working days", "in writing"]),
    "the job you really wanted, and when to reapply": ("reapply-to-dream-job", ["reapply", "wanted"]),
    "it felt unfair or discriminatory": ("felt-unfair", ["discriminat", "in writing", "time limit", "acas", "eeoc"]),
    "passed over for an internal role": ("passed-over-internally", ["internal", "manager", "development"]),
    "many rejections in a row": ("find-where-you-stall", ["in a row", "stage", "applications", "final round"]),
    "an offer withdrawn": ("offer-withdrawn", ["withdrawn", "resign", "in writing"]),
    "family and friends asking for news": ("when-people-ask", ["any news", "job ads"]),
    "other interview formats": ("other-interview-formats", ["presentation", "case study", "assessment centre"]),
    "changing careers": ("changing-careers", ["why the change", "transferable", "experience"]),
}


@pytest.mark.parametrize("situation", list(SITUATIONS))
def test_search_index_finds_a_page_for_the_situation(site, situation):
    topic_id, words = SITUATIONS[situation]
    text = search_pages(site.dir)[f"topics/{topic_id}/"].lower()
    missing = [w for w in words if w not in text]
    assert missing == [], f"{situation!r}: topics/{topic_id}/ lacks {missing}"


@pytest.mark.parametrize("idea", list(IDEAS))
def test_search_index_finds_a_page_for_the_idea(site, idea):
    topic_id, words = IDEAS[idea]
    pages = search_pages(site.dir)
    text = pages[f"topics/{topic_id}/"].lower()
    missing = [w for w in words if w not in text]
    assert missing == [], f"{idea!r}: topics/{topic_id}/ lacks {missing}"
