"""One paginator for every long reply: buttons only the invoker can press, that expire."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import discord

PAGE_TIMEOUT_S = 180.0


class Paginator(discord.ui.View):
    """Pages rendered on demand by ``render(index)``; ◀ and ▶ move between them."""

    def __init__(
        self,
        render: Callable[[int], discord.Embed],
        pages: int,
        owner_id: int,
        *,
        timeout: float = PAGE_TIMEOUT_S,
    ) -> None:
        super().__init__(timeout=timeout)
        self.render = render
        self.pages = pages
        self.owner_id = owner_id
        self.page = 0
        self.message: discord.Message | discord.InteractionMessage | None = None
        self._sync_buttons()

    def first(self) -> discord.Embed:
        return self.render(0)

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self.pages - 1
        self.position.label = f"{self.page + 1} / {self.pages}"

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can turn these pages. Run the command yourself to browse.",
            ephemeral=True,
        )
        return False

    async def _show(self, interaction: discord.Interaction, page: int) -> None:
        self.page = min(max(page, 0), self.pages - 1)
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.render(self.page), view=self)

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._show(interaction, self.page - 1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await interaction.response.defer()

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button) -> None:
        await self._show(interaction, self.page + 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.message is not None:
            # the message may be gone or its token expired: nothing left to disable then
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=self)


async def send_pages(
    interaction: discord.Interaction,
    render: Callable[[int], discord.Embed],
    pages: int,
    *,
    ephemeral: bool = False,
) -> None:
    """Reply with page one, and buttons when there is more than one page."""
    if pages <= 1:
        await interaction.response.send_message(embed=render(0), ephemeral=ephemeral)
        return
    view = Paginator(render, pages, interaction.user.id)
    await interaction.response.send_message(embed=view.first(), view=view, ephemeral=ephemeral)
    view.message = await interaction.original_response()
