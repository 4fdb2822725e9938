"""Big films: every page of a long cast within Discord's limits, and pagination rules."""

from __future__ import annotations

import textwrap

import pytest

from tests.discord.conftest import assert_within_limits
from tests.discord.test_film import fields_of


@pytest.fixture
def big_facts(write_facts):
    cast = "\n".join(
        f"  - {{person: Actor Number {i} {'x' * 200}, role: Role {i} {'y' * 200}}}"
        for i in range(60)
    )
    crew = "\n".join(f"  - Writer {i} {'z' * 250}" for i in range(40))
    return write_facts(
        big=f"title: {'Epic ' * 58}\nyear: 2001\nsynopsis: {'word ' * 790}\ncast:\n{cast}\n"
        f"writers:\n{crew}\ngenres: [{', '.join(f'Genre {i}' for i in range(300))}]\n"
        f"sources: [{', '.join(f'https://example.org/{i}' for i in range(100))}]\n"
        f"trivia: [{', '.join('fact' for _ in range(50))}]\n",
        small=textwrap.dedent(
            """\
            title: Tiny
            year: 2002
            cast: [Ann]
            sources: [https://example.org]
            """
        ),
    )


@pytest.fixture
def simcord_bot(make_bot, big_facts):
    return make_bot(big_facts)


async def test_a_huge_film_stays_within_discords_embed_limits_on_every_page(
    simcord_env, channel, member
) -> None:
    choices = await member.autocomplete(channel, "film", "title", "epic")
    assert 1 <= len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    result = await member.slash(channel, "film", title=choices[0]["value"])
    message = result.response
    first = message.embeds[0]
    assert_within_limits(first)
    assert "page 1 of 4" in next(f.name for f in first.fields if f.name.startswith("Cast"))
    seen = {fields_of(first)[next(n for n in fields_of(first) if n.startswith("Cast"))]}
    for page in range(2, 5):
        clicked = await member.click(message, label="▶")
        embed = clicked.response.embeds[0]
        assert_within_limits(embed)
        cast = next(f for f in embed.fields if f.name.startswith("Cast"))
        assert f"page {page} of 4" in cast.name
        seen.add(cast.value)
        message = clicked.response
    assert len(seen) == 4


async def test_only_the_invoker_can_turn_pages_and_buttons_expire(
    simcord_env, guild, channel, member
) -> None:
    choices = await member.autocomplete(channel, "film", "title", "epic")
    result = await member.slash(channel, "film", title=choices[0]["value"])
    other = guild.add_member(simcord_env.create_user("bo"))
    refused = await other.click(result.response, label="▶")
    assert refused.ephemeral
    assert "Only the person who asked" in refused.response.content
    await simcord_env.advance_time(200)
    message = channel.last_message
    buttons = [c for row in message.components for c in row.children]
    assert buttons and all(button.disabled for button in buttons)
