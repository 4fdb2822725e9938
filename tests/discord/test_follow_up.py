"""A question asked right after another, in ``/ask`` or in chat: "it" is what the person's
last answer in that channel was about."""

from __future__ import annotations


async def test_a_question_right_after_another_asks_about_what_it_was_about(
    simcord_env, guild, channel, member
) -> None:
    await member.slash(channel, "ask", question="who directed Alita: Battle Angel?")
    result = await member.slash(channel, "ask", question="who was in it?")
    assert "Rosa Salazar" in result.response.embeds[0].description
    other = guild.add_member(simcord_env.create_user("bo"))  # their "it" is their own
    result = await other.slash(channel, "ask", question="who was in it?")
    assert "Rosa Salazar" not in str(result.response.embeds[0].description)


async def test_in_chat_it_is_what_the_last_answer_was_about(simcord_env, channel, member) -> None:
    bot_id = simcord_env.bot.user.id
    await member.send(channel, f"<@{bot_id}> who composed the music of Alita: Battle Angel?")
    await member.send(channel, f"<@{bot_id}> when did it come out")
    assert "2019" in channel.last_message.content
