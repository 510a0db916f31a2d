"""Every idea the sources list (shared/sources/README.md) is found by the built search index
on the topic that carries it: the words a reader would search for all appear on that page."""
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


@pytest.mark.parametrize("idea", list(IDEAS))
def test_search_index_finds_a_page_for_the_idea(site, idea):
    topic_id, words = IDEAS[idea]
    pages = search_pages(site.dir)
    text = pages[f"topics/{topic_id}/"].lower()
    missing = [w for w in words if w not in text]
    assert missing == [], f"{idea!r}: topics/{topic_id}/ lacks {missing}"
