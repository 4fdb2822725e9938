"""``/ask``, ``/person``, mentions and DMs: the same answers as the console, pinging nobody."""

from __future__ import annotations

import pytest

from bot.answering import lexicon
from bot.answering.engine import MAX_QUESTION_CHARS
from tests.discord.conftest import assert_within_limits


async def test_ask_answers_like_the_console(channel, member) -> None:
    result = await member.slash(channel, "ask", question="who plays Commander Atheon?")
    embed = result.response.embeds[0]
    assert "Benedict Cumberbatch plays Commander Atheon" in embed.description
    assert "This is a claim, not a confirmed fact" in embed.description
    assert embed.author.name == "❓ who plays Commander Atheon?"
    assert not result.ephemeral


@pytest.fixture
def unread_dictionary():
    lexicon._english.cache_clear()


async def test_the_english_dictionary_is_read_while_the_bot_starts(
    unread_dictionary, simcord_env
) -> None:
    # read in the background from setup_hook, so that no question waits for it
    await simcord_env.bot.dictionary_read
    assert lexicon.english_read()


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
    assert "Did you mean Rosa Salazar?" in missing.response.content  # the nearest name


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


HOSTILE = [
    "```",
    "who directed ``` @everyone ```",
    "**heat** || spoiler || ~~x~~ > quote",
    "@here who directed <@&123> Heat?",
    "who directed heat'; DROP TABLE films; --",
    "\x00\x07\x1b[31m who directed heat",
    "w̴̡̛h̷o̸ d̷i̶r̷e̴c̸t̵e̷d̵ h̶e̴a̶t̷" + "\u0301" * 200,
    "x" * 500,
]


@pytest.mark.parametrize("question", HOSTILE)
async def test_hostile_questions_get_whole_replies_that_ping_nobody(
    simcord_env, channel, member, question: str
) -> None:
    result = await member.slash(channel, "ask", question=question)
    (embed,) = result.response.embeds
    assert embed.description
    assert_within_limits(embed)
    assert "```" not in embed.description  # echoed text cannot open a code block
    await member.send(channel, f"<@{simcord_env.bot.user.id}> {question}")
    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert 0 < len(reply.content) <= 2000
    assert not reply.mention_everyone and reply.mentions == [] and reply.role_mentions == []
    bodies = [
        r.json.get("data", r.json) for r in simcord_env.http_requests if isinstance(r.json, dict)
    ]
    sent = [b["allowed_mentions"] for b in bodies if "allowed_mentions" in b]
    assert len(sent) == 2 and all(m["parse"] == [] for m in sent)


async def test_a_chat_question_over_the_limit_is_refused_politely(simcord_env, channel, member):
    await member.send(channel, f"<@{simcord_env.bot.user.id}> " + "who directed heat " * 100)
    reply = channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert f"under {MAX_QUESTION_CHARS} characters" in reply.content
