"""A reader can search the guide: Material's search, offline, finds the topic for an idea."""
import pytest

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
def test_search_finds_the_topic(page, site, query):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(site.url)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    result = page.locator(f".md-search-result__link[href*='topics/{SEARCHES[query]}/']").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(f"**/topics/{SEARCHES[query]}/**")
