"""One paginator for every long reply: buttons only the invoker can press, that expire."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Awaitable, Callable

import discord

PAGE_TIMEOUT_S = 180.0

Render = Callable[[int], discord.Embed | Awaitable[discord.Embed]]
"""Draws page ``index``; may be a coroutine function when pages are fetched as turned."""


class OwnerView(discord.ui.View):
    """Buttons only the member who asked can press; disabled when they time out."""

    def __init__(self, owner_id: int, *, timeout: float = PAGE_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | discord.InteractionMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can use these buttons. Run the command yourself.",
            ephemeral=True,
        )
        return False

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            # the message may be gone or its token expired: nothing left to disable then
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self)


class Paginator(OwnerView):
    """Pages rendered on demand by ``render(index)``; ◀ and ▶ move between them."""

    def __init__(
        self,
        render: Render,
        pages: int,
        owner_id: int,
        *,
        timeout: float = PAGE_TIMEOUT_S,
    ) -> None:
        super().__init__(owner_id, timeout=timeout)
        self.render = render
        self.pages = pages
        self.page = 0
        self._sync_buttons()

    async def first(self) -> discord.Embed:
        return await _drawn(self.render, 0)

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self.pages - 1
        self.position.label = f"{self.page + 1} / {self.pages}"

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        self.page = min(max(page, 0), self.pages - 1)
        self._sync_buttons()
        embed = await _drawn(self.render, self.page)
        await interaction.response.edit_message(embed=embed, view=self)

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._show(interaction, self.page + 1)


async def _drawn(render: Render, page: int) -> discord.Embed:
    embed = render(page)
    return await embed if inspect.isawaitable(embed) else embed


async def send_pages(
    interaction: discord.Interaction,
    render: Render,
    pages: int,
    *,
    ephemeral: bool = False,
) -> None:
    """Reply with page one, and buttons when there is more than one page."""
    if pages <= 1:
        embed = await _drawn(render, 0)
        await interaction.response.send_message(embed=embed, ephemeral=ephemeral)
        return
    view = Paginator(render, pages, interaction.user.id)
    await interaction.response.send_message(
        embed=await view.first(), view=view, ephemeral=ephemeral
    )
    view.message = await interaction.original_response()
