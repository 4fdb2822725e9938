"""``/ask``, ``/person``, mentions and DMs: the same answers as the console, pinging nobody."""

from __future__ import annotations

import pytest


async def test_ask_answers_like_the_console(channel, member) -> None:
    result = await member.slash(channel, "ask", question="who plays Commander Atheon?")
    embed = result.response.embeds[0]
    assert "Benedict Cumberbatch plays Commander Atheon" in embed.description
    assert "This is a claim, not a confirmed fact" in embed.description
    assert embed.author.name == "❓ who plays Commander Atheon?"
    assert not result.ephemeral


async def test_ask_with_no_match_answers_privately_with_suggestions(channel, member) -> None:
    result = await member.slash(channel, "ask", question="who directed Alita Battle Angle")
    assert "Robert Rodriguez" in result.response.embeds[0].description


async def test_person_lists_films_by_role(channel, member) -> None:
    result = await member.slash(channel, "person", name="Robert Rodriguez")
    embed = result.response.embeds[0]
    assert embed.title == "Robert Rodriguez"
    fields = {field.name: field.value for field in embed.fields}
    assert "Alita: Battle Angel (2019)" in fields["Directed"]
    assert "Alita: Battle Angel 2 (2025) [unconfirmed]" in fields["Directed"]
    assert "Wrote" in fields


async def test_person_autocomplete_and_unknown_names(channel, member) -> None:
    choices = await member.autocomplete(channel, "person", "name", "rosa")
    assert [c["name"] for c in choices] == ["Rosa Salazar"]
    chosen = await member.slash(channel, "person", name=choices[0]["value"])
    assert chosen.response.embeds[0].title == "Rosa Salazar"
    missing = await member.slash(channel, "person", name="Rosa Salazaar")
    assert missing.ephemeral
    assert "I don't know anyone called “Rosa Salazaar”" in missing.response.content


async def test_a_mention_is_answered_in_chat_without_pinging_anyone(
    simcord_env, guild, channel, member
) -> None:
    bot_id = simcord_env.bot.user.id
    role = guild.create_role("everyone-else")
    await member.send(
        channel, f"<@{bot_id}> who directed Heat? @everyone @here <@{member.id}> <@&{role.id}>"
    )
    reply = channel.last_message
    assert reply.author.id == bot_id
    assert "Heat (1995): directed by Michael Mann" in reply.content
    assert not reply.mention_everyone
    assert reply.mentions == []
    assert reply.role_mentions == []


async def test_a_message_that_does_not_mention_the_bot_is_left_alone(
    simcord_env, channel, member
) -> None:
    message = await member.send(channel, "who directed Heat?")
    assert channel.last_message.id == message.id


async def test_echoed_user_text_never_pings(simcord_env, guild, channel, member) -> None:
    bot_id = simcord_env.bot.user.id
    await member.send(channel, f"<@{bot_id}> @everyone <@{member.id}> is a film?")
    reply = channel.last_message
    assert reply.author.id == bot_id
    assert not reply.mention_everyone and reply.mentions == []
    result = await member.slash(channel, "film", title="@everyone <@123>")
    assert result.ephemeral
    assert "@everyone" in result.response.content
    sent = [r for r in simcord_env.http_requests if r.path.endswith("/callback")]
    assert sent[-1].json["data"]["allowed_mentions"] == {"parse": []}


async def test_a_direct_message_is_answered(simcord_env) -> None:
    user = simcord_env.create_user("dee")
    await user.send_dm("who composed the music of Alita: Battle Angel?")
    reply = user.dm_channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert "Tom Holkenborg" in reply.content


@pytest.fixture
def simcord_bot(make_bot, facts_dir):
    return make_bot(facts_dir, ask_cooldown_s=30)


async def test_ask_has_a_per_user_cooldown(simcord_env, guild, channel, member) -> None:
    first = await member.slash(channel, "ask", question="who directed Heat?")
    assert first.response.embeds
    second = await member.slash(channel, "ask", question="who directed Heat?")
    assert second.ephemeral
    assert "you can ask again in" in second.response.content
    assert [type(e).__name__ for e in simcord_env.errors] == ["CommandOnCooldown"]
    other = guild.add_member(simcord_env.create_user("eve"))
    third = await other.slash(channel, "ask", question="who directed Heat?")
    assert third.response.embeds
    await simcord_env.advance_time(31)
    again = await member.slash(channel, "ask", question="who directed Heat?")
    assert again.response.embeds
