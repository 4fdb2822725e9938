"""A very long ``/browse`` list: every page within Discord's limits, turned by the asker."""

from __future__ import annotations

import pytest

from tests.discord.conftest import assert_within_limits
from tests.discord.test_discovery import lines_of


@pytest.fixture
def simcord_bot(make_bot, write_facts):
    films = "\n".join(
        f"  - {{title: '{'Long title ' * 20}{i}', year: {1950 + i % 70}, "
        f"directors: ['{'Director ' * 30}{i}', 'Second {i}', 'Third {i}'], "
        f"genres: [Drama], sources: [https://example.org/{i}]}}"
        for i in range(45)
    )
    genres = ", ".join(f"'Genre {i} {'g' * 120}'" for i in range(40))
    films += f"\n  - {{title: Genre Sampler, genres: [{genres}], sources: [https://example.org]}}"
    return make_bot(write_facts(many=f"films:\n{films}\n"))


async def test_long_lists_page_within_discords_limits_for_the_asker_only(
    simcord_env, guild, channel, member
) -> None:
    result = await member.slash(channel, "browse", genre="drama", sort="title")
    message = result.response
    assert_within_limits(message.embeds[0])
    assert message.embeds[0].footer.text == "45 films · sorted by title · page 1 of 5"
    other = guild.add_member(simcord_env.create_user("bo"))
    refused = await other.click(message, label="▶")
    assert refused.ephemeral and "Only the person who asked" in refused.response.content
    for page in range(2, 6):
        clicked = await member.click(message, label="▶")
        message = clicked.response
        embed = message.embeds[0]
        assert_within_limits(embed)
        assert embed.footer.text.endswith(f"page {page} of 5")
        assert lines_of(embed)[0].startswith(f"{(page - 1) * 10 + 1}. Long title")
    await simcord_env.advance_time(200)
    buttons = [c for row in channel.last_message.components for c in row.children]
    assert buttons and all(button.disabled for button in buttons)


async def test_autocomplete_offers_at_most_25_choices_within_discords_limits(
    channel, member
) -> None:
    for option, typed in (("genre", ""), ("genre", "genre"), ("person", "d"), ("person", "")):
        choices = await member.autocomplete(channel, "browse", option, typed)
        assert 1 <= len(choices) <= 25
        assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert len(await member.autocomplete(channel, "browse", "genre", "genre")) == 25
