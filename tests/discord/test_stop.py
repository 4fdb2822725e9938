"""A stop lets the questions in flight be answered, turns new ones away kindly, and closes
the store."""

from __future__ import annotations

import asyncio

import pytest


async def test_a_question_in_flight_is_answered_and_a_new_one_turned_away(
    simcord_env, channel, member, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.discord.cogs import ask

    bot = simcord_env.bot
    gate = asyncio.Event()
    answer = ask.answer

    async def slow_answer(question, catalog, **options):
        await gate.wait()
        return await answer(question, catalog, **options)

    monkeypatch.setattr(ask, "answer", slow_answer)
    in_flight = asyncio.create_task(member.slash(channel, "ask", question="who directed Heat?"))
    for _ in range(500):
        if bot._requests:
            break
        await asyncio.sleep(0.01)
    finishing = asyncio.create_task(bot.finish_requests(5))
    await asyncio.sleep(0.05)
    assert not finishing.done()  # the stop waits for the answer
    gate.set()
    assert await finishing == 0
    answered = await in_flight
    assert "Michael Mann" in answered.response.embeds[0].description
    late = await member.slash(channel, "ask", question="who directed Alita?")
    assert late.ephemeral
    assert late.response.content == "The bot is restarting; ask again in a moment."


async def test_a_stop_gives_up_on_a_request_that_does_not_finish_in_time(
    simcord_env, channel, member, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.discord.cogs import ask

    gate = asyncio.Event()
    answer = ask.answer

    async def late_answer(question, catalog, **options):
        await gate.wait()
        return await answer(question, catalog, **options)

    monkeypatch.setattr(ask, "answer", late_answer)
    in_flight = asyncio.create_task(member.slash(channel, "ask", question="who directed Heat?"))
    for _ in range(500):
        if simcord_env.bot._requests:
            break
        await asyncio.sleep(0.01)
    assert await simcord_env.bot.finish_requests(0.05) == 1
    gate.set()
    await in_flight
