"""``/browse``, ``/random``, ``/similar`` and ``/help`` as members use them."""

from __future__ import annotations

import discord
import pytest

from tests.store.test_discovery import FILMS


@pytest.fixture
def simcord_bot(make_bot, write_facts):
    return make_bot(write_facts(films=FILMS))


def lines_of(embed) -> list[str]:
    return embed.description.splitlines()


async def test_browse_with_no_option_lists_the_newest_films(channel, member) -> None:
    result = await member.slash(channel, "browse")
    embed = result.response.embeds[0]
    assert not result.ephemeral
    assert embed.title == "Films: every film"
    assert lines_of(embed)[:3] == [
        "1. Constantine 2 (2027) · ⚠ announced",
        "2. John Wick (2014) · Chad Stahelski · ★ 7.4",
        "3. Collateral (2004) · Michael Mann",
    ]
    assert embed.footer.text == "10 films · sorted by newest · page 1 of 1"


async def test_browse_filters_by_genre_decade_status_and_sorts(channel, member) -> None:
    result = await member.slash(channel, "browse", genre="action", year="90s", sort="oldest")
    embed = result.response.embeds[0]
    assert embed.title == "Films: genre action, the 1990s"
    assert lines_of(embed) == [
        "1. Speed (1994) · Jan de Bont",
        "2. The Matrix (1999) · Lana Wachowski, Lilly Wachowski · ★ 8.7",
    ]
    assert embed.footer.text.startswith("2 films · sorted by oldest")
    rated = await member.slash(channel, "browse", sort="rating")
    assert lines_of(rated.response.embeds[0])[0].startswith("1. The Matrix (1999)")
    claims = await member.slash(channel, "browse", status="rumored")
    assert lines_of(claims.response.embeds[0]) == [
        "1. Untitled Heist Film · Michael Mann · ⚠ rumored"
    ]


async def test_browse_and_random_read_a_genre_in_everyday_words(channel, member) -> None:
    result = await member.slash(channel, "browse", genre="sci fi")
    embed = result.response.embeds[0]
    assert embed.title == "Films: genre Science Fiction"
    assert [line.split(" · ")[0] for line in lines_of(embed)] == [
        "1. The Matrix Reloaded (2003)",
        "2. The Matrix (1999)",
    ]
    picked = await member.slash(channel, "random", genre="scifi")
    assert picked.response.embeds[0].title.startswith("The Matrix")


async def test_browse_by_rating_of_films_none_rated_says_they_are_newest_first(
    channel, member
) -> None:
    result = await member.slash(channel, "browse", genre="fantasy", sort="rating")
    embed = result.response.embeds[0]
    assert lines_of(embed) == ["1. Constantine 2 (2027) · ⚠ announced"]
    assert embed.footer.text == "1 film · sorted by newest (none has a rating) · page 1 of 1"


async def test_browse_by_person_through_autocomplete_typos_included(channel, member) -> None:
    choices = await member.autocomplete(channel, "browse", "person", "keanu reevs")
    assert choices[0]["name"] == "Keanu Reeves"
    result = await member.slash(channel, "browse", person=choices[0]["value"])
    embed = result.response.embeds[0]
    assert embed.title == "Films: with Keanu Reeves"
    assert len(lines_of(embed)) == 5
    typed = await member.slash(channel, "browse", person="keanu reeves", year="2014")
    assert lines_of(typed.response.embeds[0]) == ["1. John Wick (2014) · Chad Stahelski · ★ 7.4"]


async def test_genre_autocomplete_tolerates_typos_and_stays_within_limits(channel, member) -> None:
    choices = await member.autocomplete(channel, "browse", "genre", "thriler")
    assert choices[0] == {"name": "Thriller", "value": "Thriller"}
    every = await member.autocomplete(channel, "browse", "genre", "")
    assert 1 <= len(every) <= 25
    assert [c["name"] for c in every][:2] == ["Action", "Crime"]
    assert (await member.autocomplete(channel, "random", "genre", "crim"))[0]["name"] == "Crime"


async def test_nothing_found_names_the_filter_and_the_nearest_names(channel, member) -> None:
    genre = await member.slash(channel, "browse", genre="thrillr")
    assert genre.ephemeral
    assert genre.response.content == ("No genre is called “thrillr”. Did you mean Thriller?")
    person = await member.slash(channel, "browse", person="Keanu Reevs")
    assert person.response.content.startswith("I know nobody called “Keanu Reevs”.")
    assert "Did you mean Keanu Reeves" in person.response.content
    empty = await member.slash(channel, "browse", genre="crime", year="1920s")
    assert empty.response.content == "No films for genre crime, the 1920s. Try fewer filters."
    year = await member.slash(channel, "browse", year="last summer")
    assert year.ephemeral
    assert year.response.content.startswith("'last summer' is not a year (1999), a decade")


async def test_random_rerolls_without_repeating_until_the_pool_is_used_up(
    simcord_env, guild, channel, member
) -> None:
    result = await member.slash(channel, "random", genre="action")
    message = result.response
    seen = [message.embeds[0].title]
    assert message.embeds[0].author.name == "🎲 Random pick: genre action, status released"
    for _ in range(4):
        clicked = await member.click(message, label="🎲 Another")
        message = clicked.response
        seen.append(message.embeds[0].title)
    # released action films only: five of them, each once
    assert sorted(seen) == [
        "Heat (1986)",
        "John Wick (2014)",
        "Speed (1994)",
        "The Matrix (1999)",
        "The Matrix Reloaded (2003)",
    ]
    again = await member.click(message, label="🎲 Another")
    assert "round 2" in again.response.embeds[0].author.name
    other = guild.add_member(simcord_env.create_user("bo"))
    refused = await other.click(again.response, label="🎲 Another")
    assert refused.ephemeral and "Only the person who asked" in refused.response.content


async def test_random_picks_unreleased_films_only_when_asked(channel, member) -> None:
    result = await member.slash(channel, "random", status="announced")
    embed = result.response.embeds[0]
    assert embed.title == "Constantine 2 (2027)"
    assert embed.description.startswith("⚠️ **Announced**")
    nothing = await member.slash(channel, "random", genre="fantasy")  # announced only
    assert nothing.ephemeral
    assert (
        nothing.response.content
        == "No films for genre fantasy, status released. Try fewer filters."
    )


async def test_similar_lists_films_with_what_they_share(channel, member) -> None:
    choices = await member.autocomplete(channel, "similar", "title", "the matrx")
    assert choices[0]["name"] == "The Matrix (1999)"
    result = await member.slash(channel, "similar", title=choices[0]["value"])
    embed = result.response.embeds[0]
    assert embed.title == "Films like The Matrix (1999)"
    lines = lines_of(embed)
    assert lines[0] == "**The Matrix Reloaded (2003) · ★ 7.2**"
    assert lines[1].startswith("same director: Lana Wachowski, Lilly Wachowski; same lead: Keanu")
    assert "**John Wick (2014) · ★ 7.4**" in lines
    shared = await member.slash(channel, "similar", title="heat")
    assert shared.ephemeral and "2 films are called that" in shared.response.content


async def test_help_lists_every_command_and_shows_admins_how_to_reload(
    simcord_env, guild, channel, member
) -> None:
    result = await member.slash(channel, "help")
    embed = result.response.embeds[0]
    fields = {f.name: f.value for f in embed.fields}
    for command in ("/film", "/person", "/browse", "/random", "/similar", "/ask", "/help"):
        assert f"`{command}" in fields["Commands"]
    assert "who directed heat?" in fields["Ask in your own words"]
    assert "Catalog admins" not in fields
    role = guild.create_role("curators", permissions=discord.Permissions(manage_guild=True))
    curator = guild.add_member(simcord_env.create_user("cur"), roles=[role])
    admin = await curator.slash(channel, "help")
    admin_fields = {f.name: f.value for f in admin.response.embeds[0].fields}
    assert "`/facts reload`" in admin_fields["Catalog admins"]


async def test_a_bare_mention_gets_the_help(simcord_env, channel, member) -> None:
    await member.send(channel, f"<@{simcord_env.bot.user.id}>")
    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert reply.embeds[0].title == "film-bot: what I can do"
