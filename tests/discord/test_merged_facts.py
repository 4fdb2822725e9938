"""Films whose facts a source gave merged under their one title, seen in Discord."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MERGED_HEATS, MERGED_HEATS_NOTE


@pytest.fixture
def facts_dir(write_facts) -> Path:
    return write_facts(heats=MERGED_HEATS)


async def test_similar_says_what_films_share_may_be_another_films(channel, member) -> None:
    result = await member.slash(channel, "similar", title="collateral")
    embed = result.response.embeds[0]
    assert embed.title == "Films like Collateral (2004)"
    assert "**Heat (1995)**" in embed.description
    assert embed.footer.text.startswith(MERGED_HEATS_NOTE + "\n")
    assert embed.footer.text.endswith(
        "Ranked by shared director, writers, cast, composer, genres and tags"
    )
