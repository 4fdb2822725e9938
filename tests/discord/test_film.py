"""``/film`` and ``/person``: the cards members see, autocomplete, and long lists."""

from __future__ import annotations


def fields_of(embed) -> dict[str, str]:
    return {field.name: field.value for field in embed.fields}


async def test_film_shows_a_released_film_card(channel, member) -> None:
    result = await member.slash(channel, "film", title="Alita: Battle Angel")
    embed = result.response.embeds[0]
    assert embed.title == "Alita: Battle Angel (2019)"
    fields = fields_of(embed)
    assert fields["Directed by"] == "Robert Rodriguez"
    assert fields["Written by"] == "James Cameron, Laeta Kalogridis and Robert Rodriguez".replace(
        " and ", ", "
    )
    assert "Rosa Salazar — Alita" in fields["Cast"]
    assert fields["Music by"] == "Tom Holkenborg"
    assert fields["Runtime"] == "122 min"
    assert "wikipedia.org" in fields["Sources"]
    assert "Unconfirmed" not in (embed.description or "")
    assert not result.ephemeral


async def test_an_unconfirmed_film_carries_a_banner_naming_its_source(channel, member) -> None:
    result = await member.slash(channel, "film", title="Alita: Battle Angel 2")
    embed = result.response.embeds[0]
    assert embed.title == "Alita: Battle Angel 2 (2025)"
    assert embed.description.startswith("⚠️ **Unconfirmed** — claimed by: Promotional text")
    assert "not a confirmed fact" in embed.description
    assert "Benedict Cumberbatch — Commander Atheon" in fields_of(embed)["Cast"]
    assert embed.footer.text.startswith("Status: unconfirmed")
    assert fields_of(embed)["Sequel to"] == "Alita: Battle Angel (2019)"


async def test_a_title_shared_by_two_films_lists_both_instead_of_picking_one(
    channel, member
) -> None:
    result = await member.slash(channel, "film", title="heat")
    assert result.ephemeral
    assert "Heat (1986)" in result.response.content
    assert "Heat (1995)" in result.response.content


async def test_an_unknown_film_gets_a_private_did_you_mean(channel, member) -> None:
    result = await member.slash(channel, "film", title="Alita Battle Angle")
    assert result.ephemeral
    assert result.response.content.startswith(
        "I don't know a film called “Alita Battle Angle”. Did you mean Alita: Battle Angel (2019)"
    )


async def test_autocomplete_offers_prefix_and_typo_matches_with_years(channel, member) -> None:
    choices = await member.autocomplete(channel, "film", "title", "ali")
    names = [c["name"] for c in choices]
    assert names[:2] == ["Alita: Battle Angel (2019)", "Alita: Battle Angel 2 (2025) · unconfirmed"]
    typo = await member.autocomplete(channel, "film", "title", "alitta batle")
    assert "Alita: Battle Angel (2019)" in [c["name"] for c in typo]
    shared = [c["name"] for c in await member.autocomplete(channel, "film", "title", "heat")]
    assert shared[:2] == ["Heat (1986)", "Heat (1995)"]


async def test_a_chosen_autocomplete_value_opens_that_exact_film(channel, member) -> None:
    choices = await member.autocomplete(channel, "film", "title", "heat")
    value = next(c["value"] for c in choices if c["name"] == "Heat (1986)")
    result = await member.slash(channel, "film", title=value)
    embed = result.response.embeds[0]
    assert embed.title == "Heat (1986)"
    assert fields_of(embed)["Directed by"] == "Dick Richards"
