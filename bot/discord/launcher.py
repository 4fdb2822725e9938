"""Process concerns: logging, building the bot from settings, running, stopping and syncing it.

``film-bot run`` loads the catalog, says what it serves, then connects. Discord out of reach
(no network yet, DNS, refused, a timeout, a 5xx) is one log line per attempt, retried for
ever with a growing, jittered delay; a refused token or intents is one line and exit 1.
SIGTERM or SIGINT lets the requests in flight finish, ends the build and parse processes,
closes the store and exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import random
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
import discord
from discord.ext import commands

from bot.catalog.errors import CatalogInvalid
from bot.config import Settings
from bot.discord.bot import FilmBotBase, create_bot, sync_tree
from bot.logs import fields, setup_logging

log = logging.getLogger("film_bot")

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

EXIT_OK, EXIT_FAILED = 0, 1
LOGIN_TIMEOUT_S = 30.0
STOP_GRACE_S = 3.0  # for requests in flight; the whole stop stays within 5 s
CLOSE_TIMEOUT_S = 1.5
GATEWAY_AUTH_FAILED = 4004


@dataclass
class Backoff:
    """Exponential delays with jitter: about ``base`` s, doubling per attempt, to ``cap``."""

    base: float = 1.0
    cap: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        """The wait after failed attempt number ``attempt`` (1, 2, …)."""
        ceiling = min(self.cap, self.base * 2 ** min(attempt - 1, 32))
        # Half fixed, half random: delays keep growing, and many bots restarted at once
        # (a network outage) do not all knock again at the same moment.
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)


def is_network_failure(exc: BaseException) -> bool:
    """Discord could not be reached, or answered with a server error: worth retrying."""
    if isinstance(exc, discord.HTTPException):
        return exc.status >= 500 or exc.status == 429
    return isinstance(
        exc, (OSError, aiohttp.ClientError, asyncio.TimeoutError, discord.GatewayNotFound)
    )


def describe(exc: BaseException) -> str:
    """``ClientConnectorError: Cannot connect to host …`` on one line."""
    text = " ".join(str(exc).split()) or "no details"
    return f"{type(exc).__name__}: {text}"


class NetworkFailuresOnOneLine(logging.Filter):
    """discord.py logs its own reconnects with a traceback; a network failure is routine,
    so its record keeps one line: the message and the error."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.name.startswith("discord"):
            exc = record.exc_info[1]
            if exc is not None and is_network_failure(exc):
                record.msg = f"{record.getMessage()} ({describe(exc)})"
                record.args = None
                record.exc_info = None
                record.exc_text = None
        return True


class FatalStart(Exception):
    """Discord refused the bot for good (token, intents): retrying cannot help."""


def shard_label(bot: commands.Bot) -> str:
    """``none``, ``2/4`` (one shard of four) or ``0,1/4`` (a shard set)."""
    count = bot.shard_count
    if count is None:
        return "none"
    ids = getattr(bot, "shard_ids", None)
    if ids is None:
        ids = [bot.shard_id] if bot.shard_id is not None else range(count)
    return f"{','.join(str(i) for i in ids)}/{count}"


async def announce(bot: FilmBotBase, settings_db: str) -> None:
    """The one line that says what this process serves, before it connects."""
    stats = await bot.store.catalog.stats()
    log.info(
        "serving the catalog",
        extra=fields(
            films=stats.films,
            files=stats.files,
            facts=str(bot.store.facts_dir),
            store=settings_db,
            shard=shard_label(bot),  # type: ignore[arg-type]
        ),
    )


async def log_in(bot: commands.Bot, token: str, *, backoff: Backoff, sleep: Sleep) -> None:
    """Log in, retrying for ever while Discord is out of reach; ``FatalStart`` when refused."""
    attempt = 0
    while True:
        attempt += 1
        try:
            await asyncio.wait_for(bot.login(token), timeout=LOGIN_TIMEOUT_S)
            log.info("logged in", extra=fields(user=str(bot.user), attempt=attempt))
            return
        except discord.LoginFailure as exc:
            raise FatalStart(
                "Discord refused the token (401 Unauthorized): check DISCORD_TOKEN"
            ) from exc
        except Exception as exc:
            if not is_network_failure(exc):
                raise
            wait = backoff.delay(attempt)
            log.warning(
                "cannot reach Discord",
                extra=fields(attempt=attempt, error=describe(exc), retry_in_s=round(wait, 1)),
            )
        _raise_if_cancelled()
        await _fresh_session(bot)
        await sleep(wait)


def _raise_if_cancelled() -> None:
    # wait_for returns the attempt's own error when a stop's cancellation arrives just as the
    # attempt fails (a refused connection fails at once): the stop must still win.
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


async def _fresh_session(bot: commands.Bot) -> None:
    # Each login opens a new HTTP session: close the failed one and its connections.
    await bot.http.close()
    bot.http.connector = discord.utils.MISSING


async def connect(bot: commands.Bot) -> None:
    """Stay connected (discord.py resumes after drops); ``FatalStart`` when refused."""
    try:
        await bot.connect(reconnect=True)
    except discord.PrivilegedIntentsRequired as exc:
        raise FatalStart(
            "Discord refused the privileged intents the bot asked for: enable them for the "
            "application (developer portal, Bot, Privileged Gateway Intents)"
        ) from exc
    except discord.ConnectionClosed as exc:
        if exc.code == GATEWAY_AUTH_FAILED:
            raise FatalStart(
                "Discord refused the token at the gateway: check DISCORD_TOKEN"
            ) from exc
        reason = f": {exc.reason}" if exc.reason else ""
        raise FatalStart(
            f"Discord closed the connection for good (code {exc.code}{reason})"
        ) from exc


async def serve(
    bot: commands.Bot,
    token: str,
    *,
    stop: asyncio.Event,
    store_label: str,
    backoff: Backoff | None = None,
    sleep: Sleep = asyncio.sleep,
) -> int:
    """Run the bot until ``stop`` is set or Discord refuses it; returns the exit code."""
    film_bot: FilmBotBase = bot  # type: ignore[assignment]
    backoff = backoff or Backoff()

    async def run() -> None:
        await film_bot.open_catalog()
        await announce(film_bot, store_label)
        await log_in(bot, token, backoff=backoff, sleep=sleep)
        await connect(bot)

    task = asyncio.create_task(run(), name="film-bot")
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({task, stopped}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopped.cancel()
    code = _outcome(task) if task.done() else EXIT_OK
    await shut_down(film_bot, task)
    return code


def _outcome(task: asyncio.Task[None]) -> int:
    exc = task.exception()
    if exc is None:
        log.info("disconnected")
        return EXIT_OK
    if isinstance(exc, FatalStart):
        log.error("%s; not retrying", exc)
    elif isinstance(exc, CatalogInvalid):
        for error in exc.errors[:50]:
            log.error("%s", error)
        log.error("no catalog to serve: fix the facts files above and start again")
    else:
        log.error("stopped by an unexpected error", exc_info=exc)
    return EXIT_FAILED


async def shut_down(bot: FilmBotBase, task: asyncio.Task[None]) -> None:
    """Let requests in flight finish, end child processes, close the connection and store."""
    unfinished = await bot.finish_requests(STOP_GRACE_S)
    if unfinished:
        log.warning("stopping with %d request(s) unfinished", unfinished)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=CLOSE_TIMEOUT_S)
    if not done:
        log.warning("the connection task did not end when asked; stopping without it")
    elif not task.cancelled():
        task.exception()  # retrieved, so asyncio does not log it again at exit
    end_child_processes()
    try:
        await asyncio.wait_for(bot.close(), timeout=CLOSE_TIMEOUT_S)  # type: ignore[attr-defined]
    except Exception as exc:  # a timeout included: the store is closed all the same
        log.warning("closing the connection was cut short", extra=fields(error=describe(exc)))
    log.info("stopped")


def end_child_processes() -> None:
    """End the build and parse processes a load may still be running."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=0.5)
        if child.is_alive():
            child.kill()
            child.join(timeout=0.5)


def bot_from_settings(settings: Settings, **overrides: Any) -> commands.Bot:
    return create_bot(
        settings.facts_dir,
        settings.resolved_db_path(),
        admin_role_ids=settings.admin_role_ids,
        owner_ids=settings.owner_ids,
        admin_guild_ids=settings.admin_guild_ids,
        ask_cooldown_s=settings.ask_cooldown_s,
        shard_count=settings.shard_count,
        shard_ids=settings.shard_ids or None,
        max_file_bytes=settings.max_file_bytes,
        workers=settings.workers,
        **overrides,
    )


def _token(settings: Settings) -> str:
    assert settings.discord_token is not None
    return settings.discord_token.get_secret_value().strip()


def start_logging(settings: Settings) -> None:
    handler = setup_logging(settings.log_level, settings.log_format, secrets=[_token(settings)])
    handler.addFilter(NetworkFailuresOnOneLine())
    # discord.py's "logging in" line would double each attempt's own line.
    logging.getLogger("discord.client").setLevel(max(logging.WARNING, logging.root.level))


def run_bot(settings: Settings) -> int:
    """Run until stopped by SIGTERM/SIGINT (exit 0) or refused by Discord (exit 1)."""
    start_logging(settings)

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError):  # no such signals on Windows
                loop.add_signal_handler(signum, _stop_on, signum, stop)
        bot = bot_from_settings(settings)
        store = settings.resolved_db_path()
        return await serve(bot, _token(settings), stop=stop, store_label=str(store))

    try:
        return asyncio.run(main())
    except Exception:  # a bug: logged once, through the handler that hides the token
        log.exception("film-bot failed")
        return EXIT_FAILED


def _stop_on(signum: int, stop: asyncio.Event) -> None:
    if not stop.is_set():
        log.info("stopping", extra=fields(signal=signal.Signals(signum).name))
    stop.set()


def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Log in, register the slash commands (in one guild, or globally) and leave."""
    start_logging(settings)

    async def run() -> int:
        bot = bot_from_settings(settings)
        async with bot:
            try:
                await bot.login(_token(settings))
            except discord.LoginFailure:
                log.error("Discord refused the token (401 Unauthorized): check DISCORD_TOKEN")
                return EXIT_FAILED
            synced = await sync_tree(bot, guild_id)
        for guild, commands_there in synced:
            where = f"guild {guild}" if guild else "all guilds (may take up to an hour)"
            names = ", ".join(f"/{c.name}" for c in commands_there)
            print(f"synced {len(commands_there)} commands to {where}: {names}")
        return EXIT_OK

    return asyncio.run(run())
