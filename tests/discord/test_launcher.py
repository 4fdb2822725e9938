"""Starting and stopping the bot: Discord out of reach, a refused token, a stop while retrying.

Discord is never contacted: its HTTP layer is patched, or pointed at a local port.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import random
import socket
import types
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import discord
import pytest
from aiohttp import web

from bot import create_bot
from bot.discord.launcher import Backoff, log_in, serve
from bot.logs import setup_logging

TOKEN = "MTA4.fake-token.for-tests-Zx9"


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What ``film-bot run`` would print on stderr, as key=value lines."""
    stream = io.StringIO()
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    handler = setup_logging("INFO", secrets=[TOKEN])
    handler.setStream(stream)
    yield stream
    root.handlers[:], _ = saved
    root.setLevel(saved[1])


class Attempts:
    """Stands for Discord's login endpoint: fails with each error in turn."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)

        async def static_login(http, token: str):
            if len(self.errors) > 1:
                raise self.errors.pop(0)
            raise self.errors[0]

        self.static_login = static_login


def dns_error() -> Exception:
    key = types.SimpleNamespace(host="discord.com", port=443, ssl=True)
    return aiohttp.ClientConnectorDNSError(key, socket.gaierror(-3, "Temporary failure"))


def server_error() -> Exception:
    response = types.SimpleNamespace(status=503, reason="Service Unavailable")
    return discord.DiscordServerError(response, "upstream connect error")


async def hang(*args, **kwargs):
    await asyncio.sleep(3600)


@pytest.fixture
def bot(small_facts: Path, tmp_path: Path):
    return create_bot(small_facts, tmp_path / "store.db")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def run_until(bot, *, stop: asyncio.Event | None = None, sleeps: list[float]) -> int:
    async def no_wait(seconds: float) -> None:
        sleeps.append(seconds)
        await asyncio.sleep(0)

    stop = stop or asyncio.Event()
    backoff = Backoff(rng=random.Random(7))
    return await serve(
        bot, TOKEN, stop=stop, store_label="store.db", backoff=backoff, sleep=no_wait
    )


async def test_each_failure_to_reach_discord_is_one_line_then_a_refused_token_ends_it(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.discord.launcher.LOGIN_TIMEOUT_S", 0.05)
    attempts = Attempts(
        dns_error(),
        server_error(),
        TimeoutError(),
        ConnectionResetError(104, "Connection reset by peer"),
        discord.LoginFailure("Improper token has been passed."),
    )
    monkeypatch.setattr(discord.http.HTTPClient, "static_login", attempts.static_login)
    sleeps: list[float] = []
    assert await run_until(bot, sleeps=sleeps) == 1
    lines = log_lines.getvalue().splitlines()
    tries = [line for line in lines if 'msg="cannot reach Discord"' in line]
    assert [line.split("attempt=")[1].split()[0] for line in tries] == ["1", "2", "3", "4"]
    assert "ClientConnectorDNSError: Cannot connect to host discord.com:443" in tries[0]
    assert "DiscordServerError: 503 Service Unavailable" in tries[1]
    assert "TimeoutError" in tries[2]
    assert "ConnectionResetError" in tries[3]
    assert any(
        "Discord refused the token (401 Unauthorized): check DISCORD_TOKEN; not retrying" in line
        for line in lines
    )
    assert not any("Traceback" in line or "exc=" in line for line in lines)
    assert sleeps == sorted(sleeps) and len(sleeps) == 4
    assert not bot.store.is_open


async def test_a_stuck_connection_attempt_times_out_and_is_retried(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.discord.launcher.LOGIN_TIMEOUT_S", 0.05)
    attempts = Attempts(discord.LoginFailure("no"))
    calls = 0

    async def stuck_then_refused(http, token):
        nonlocal calls
        calls += 1
        if calls == 1:
            await hang()
        return await attempts.static_login(http, token)

    monkeypatch.setattr(discord.http.HTTPClient, "static_login", stuck_then_refused)
    assert await run_until(bot, sleeps=[]) == 1
    assert 'error="TimeoutError: no details"' in log_lines.getvalue()


async def test_a_refused_connection_is_retried_for_real_against_a_closed_local_port(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{closed_port()}/api/v10")
    stop = asyncio.Event()
    sleeps: list[float] = []

    async def stop_after_three_tries() -> None:
        while len(sleeps) < 3:
            await asyncio.sleep(0.01)
        stop.set()

    stopper = asyncio.create_task(stop_after_three_tries())
    assert await asyncio.wait_for(run_until(bot, stop=stop, sleeps=sleeps), 20) == 0
    await stopper
    text = log_lines.getvalue()
    assert text.count('msg="cannot reach Discord"') >= 3
    assert "ClientConnectorError: Cannot connect to host 127.0.0.1" in text
    assert text.splitlines()[-1].endswith('msg="stopped"')
    assert not bot.store.is_open


async def test_a_token_refused_by_a_local_fake_discord_is_one_line_and_exit_1(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def users_me(request: web.Request) -> web.Response:
        assert request.headers["Authorization"] == f"Bot {TOKEN}"
        return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)

    app = web.Application()
    app.router.add_get("/api/v10/users/@me", users_me)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{port}/api/v10")
    try:
        assert await run_until(bot, sleeps=[]) == 1
    finally:
        await runner.cleanup()
    errors = [line for line in log_lines.getvalue().splitlines() if "level=ERROR" in line]
    assert len(errors) == 1
    assert "Discord refused the token (401 Unauthorized): check DISCORD_TOKEN" in errors[0]
    assert TOKEN not in log_lines.getvalue()


async def test_missing_privileged_intents_are_one_line_and_exit_1(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def logged_in(self, token):
        return None

    async def refused(self, *, reconnect: bool = True):
        raise discord.PrivilegedIntentsRequired(None)

    monkeypatch.setattr(type(bot), "login", logged_in)
    monkeypatch.setattr(type(bot), "connect", refused)
    assert await run_until(bot, sleeps=[]) == 1
    errors = [line for line in log_lines.getvalue().splitlines() if "level=ERROR" in line]
    assert len(errors) == 1
    assert "privileged intents" in errors[0] and "Traceback" not in errors[0]


async def test_the_start_line_says_what_is_served_before_connecting(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        discord.http.HTTPClient, "static_login", Attempts(discord.LoginFailure()).static_login
    )
    await run_until(bot, sleeps=[])
    lines = log_lines.getvalue().splitlines()
    serving = next(i for i, line in enumerate(lines) if 'msg="serving the catalog"' in line)
    assert "films=4 files=3" in lines[serving]
    assert "store=store.db shard=none" in lines[serving]
    assert serving < next(i for i, line in enumerate(lines) if "refused the token" in line)


async def test_the_token_never_appears_in_a_log_line_whatever_the_error(
    bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for log_format in ("text", "json"):
        stream = io.StringIO()
        setup_logging("INFO", log_format, secrets=[TOKEN]).setStream(stream)
        error = RuntimeError(f"bad header 'Authorization: Bot {TOKEN}'")
        monkeypatch.setattr(discord.http.HTTPClient, "static_login", Attempts(error).static_login)
        assert await run_until(create_bot(bot.store.facts_dir, None), sleeps=[]) == 1
        text = stream.getvalue()
        assert "bad header 'Authorization: Bot [redacted]'" in text
        assert "stopped by an unexpected error" in text
        assert TOKEN not in text
        if log_format == "json":
            assert all(json.loads(line)["level"] for line in text.splitlines())
    logging.getLogger().handlers[:] = []


def test_the_delay_doubles_with_jitter_up_to_about_a_minute() -> None:
    backoff = Backoff(rng=random.Random(3))
    delays = [backoff.delay(attempt) for attempt in range(1, 12)]
    ceilings = [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60]
    assert all(c / 2 <= d <= c for d, c in zip(delays, ceilings, strict=True))
    assert len({round(d, 6) for d in delays[6:]}) == 5  # jittered, not one fixed value


def test_a_text_only_bot_does_not_warn_about_voice_support(
    small_facts: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(discord.VoiceClient, "warn_nacl", True)
    monkeypatch.setattr(discord.VoiceClient, "warn_dave", True)
    with caplog.at_level(logging.WARNING):
        create_bot(small_facts, None)
    assert not [r for r in caplog.records if "voice" in r.getMessage()]


async def test_a_stop_that_arrives_as_an_attempt_fails_still_stops_the_retries(
    bot, log_lines: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    async def refused_as_the_stop_arrives(http, token):
        nonlocal calls
        calls += 1
        retrying.cancel()  # the stop lands while this attempt is failing
        raise dns_error()

    monkeypatch.setattr(discord.http.HTTPClient, "static_login", refused_as_the_stop_arrives)
    sleeps: list[float] = []

    async def no_wait(seconds: float) -> None:
        sleeps.append(seconds)
        await asyncio.sleep(0)

    retrying = asyncio.create_task(
        log_in(bot, TOKEN, backoff=Backoff(rng=random.Random(7)), sleep=no_wait)
    )
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(retrying, 5)
    assert calls == 1 and sleeps == []
    await bot.http.close()
