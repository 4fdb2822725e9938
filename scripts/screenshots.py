"""Real screenshots of film-bot, for the README: ``python scripts/screenshots.py``.

Starts the real bot in a simulated Discord (simcord), plays a short session and saves PNGs
under ``docs/screenshots/``. simcord renders a Discord-like page that Playwright captures.
Playwright's own browser download is not needed: the system Chromium (``/usr/bin/chromium``,
or ``$FILM_BOT_CHROMIUM``) is offered to Playwright through a private browsers directory
(``PLAYWRIGHT_BROWSERS_PATH``) that points at it, so no library code is patched.

Options: ``--facts DIR`` (default ``facts/``), ``--out DIR`` (default ``docs/screenshots``).
Needs the ``screenshots`` extra: ``pip install -e '.[screenshots]'``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHOTS = {
    "film-released.png": "/film for a released film",
    "film-unconfirmed.png": "/film for Alita: Battle Angel 2, with its unconfirmed banner",
    "ask.png": "an /ask answer",
    "mention.png": "a question asked by mentioning the bot in chat",
    "autocomplete.png": "the bot's autocomplete choices for a misspelt title",
    "reload-error.png": "an admin /facts reload that reports a broken file",
    "cast-pages.png": "the paginated cast of a film, page 2",
    "browse.png": "/browse year:90s, a page of films with directors, and page buttons",
    "random.png": "/random, a film picked at random with its 🎲 Another button",
    "similar.png": "/similar, the films most like one and what they share",
    "help.png": "/help as a catalog admin sees it",
}


def find_chromium() -> Path | None:
    """The system Chromium, if there is one."""
    for candidate in (os.environ.get("FILM_BOT_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def offer_browser(chromium: Path, where: Path) -> None:
    """Make Playwright launch ``chromium`` by placing it where Playwright looks."""
    os.environ["PLAYWRIGHT_BROWSERS_PATH"] = str(where)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        expected = Path(playwright.chromium.executable_path)
    revision = expected.parts[-3].split("-")[-1]
    for folder, binary in (
        (
            f"chromium_headless_shell-{revision}",
            "chrome-headless-shell-linux64/chrome-headless-shell",
        ),
        (f"chromium-{revision}", "chrome-linux64/chrome"),
    ):
        target = where / folder / binary
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.symlink_to(chromium)


async def play(facts: Path, out: Path, workdir: Path) -> list[Path]:
    import discord
    from simcord.env import Env

    from bot import create_bot

    session_facts = workdir / "facts"
    shutil.copytree(facts, session_facts)
    bot = create_bot(
        session_facts,
        workdir / "catalog.db",
        display_root="facts",
        ask_cooldown_s=0,
        sync_commands=True,
    )
    env = Env(bot)
    await env.start()
    saved: list[Path] = []
    try:
        guild = env.create_guild(name="Cinema Club")
        channel = guild.create_text_channel("films")
        admins = guild.create_role("admins", permissions=discord.Permissions(manage_guild=True))
        ana = guild.add_member(env.create_user("ana"))
        root = guild.add_member(env.create_user("curator"), roles=[admins])
        async with env.preview(channel, viewers=[ana, root], layout="channel") as preview:

            async def shoot(name: str, target, viewer=ana, height: int = 640) -> None:
                path = out / name
                await preview.screenshot(
                    path,
                    target=target,
                    viewer=viewer,
                    allow_incomplete=True,
                    viewport=(960, height),
                )
                saved.append(path)

            released = await ana.slash(channel, "film", title="film:heat-1995")
            await shoot("film-released.png", released, height=1100)
            sequel = await ana.slash(channel, "film", title="Alita: Battle Angel 2")
            await shoot("film-unconfirmed.png", sequel, height=1100)
            asked = await ana.slash(channel, "ask", question="who plays Commander Atheon?")
            await shoot("ask.png", asked)
            await ana.send(
                channel, f"<@{env.bot.user.id}> who directed the films starring Keanu Reeves?"
            )
            await shoot("mention.png", channel.last_message)
            choices = await ana.autocomplete(channel, "film", "title", "alitta batle")
            listed = "\n".join(f"• {c['name']}" for c in choices) or "(no choices)"
            shown = await root.send(
                channel, f"Typing `/film title: alitta batle`, the bot offers:\n{listed}"
            )
            await shoot("autocomplete.png", shown)
            (session_facts / "heat-draft.yaml").write_text(
                "title: Heat\nyear: 19955\ndirecter: Michael Mann\n", encoding="utf-8"
            )
            reload = await root.slash(channel, "facts reload")
            await shoot("reload-error.png", reload, viewer=root)
            browsed = await ana.slash(channel, "browse", year="90s")
            await shoot("browse.png", browsed, height=720)
            picked = await ana.slash(channel, "random", year="1990s")
            await shoot("random.png", picked, height=1100)
            alike = await ana.slash(channel, "similar", title=_similar_title(session_facts))
            await shoot("similar.png", alike, height=900)
            helped = await root.slash(channel, "help")
            await shoot("help.png", helped, viewer=root, height=900)
            pages = await ana.slash(channel, "film", title="film:heat-1995")
            if pages.response.components:  # a cast long enough to have pages
                turned = await ana.click(pages.response, label="▶")
                await shoot("cast-pages.png", turned, height=1100)
    finally:
        await env.shutdown()
        await bot.store.close()  # simcord detaches the bot without closing it
    return saved


def _similar_title(facts: Path) -> str:
    """A film with much in common with others in the starter catalog, else the tests' one."""
    starter = any("You've Got Mail" in p.read_text(encoding="utf-8") for p in facts.glob("*.yaml"))
    return "You've Got Mail" if starter else "Alita: Battle Angel"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=ROOT / "facts")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print(
            "screenshots: no Chromium found; install it (apt-get install chromium) or set "
            "FILM_BOT_CHROMIUM",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="film-bot-shots-") as tmp:
        offer_browser(chromium, Path(tmp) / "browsers")
        saved = asyncio.run(play(args.facts, args.out, Path(tmp)))
    for path in saved:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {SHOTS[path.name]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
