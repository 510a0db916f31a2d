"""A reader can search the guide: each engine's search, offline, finds the topic for an idea."""
import pytest

from readerkit import search, search_result

SEARCHES = {
    "STAR method": "practise-interviews",
    "feedback email": "ask-for-feedback",
    "receptionist": "keep-your-ego-in-check",
    # situations readers arrive with, in their words
    "hear back": "no-reply",
    "screening software": "screened-out",
    "overqualified": "what-the-reason-means",
    "Samaritans": "when-it-gets-heavy",
    "negotiate": "when-the-offer-comes",
    "referral": "reach-out",
    "assessment centre": "other-interview-formats",
    "discrimination": "felt-unfair",
}


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_finds_the_topic(page, any_site, query):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(any_site.url)
    search(page, query)
    result = search_result(page, SEARCHES[query])
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(f"**/topics/{SEARCHES[query]}/**")
