"""Slash commands and listeners, one cog per feature."""
