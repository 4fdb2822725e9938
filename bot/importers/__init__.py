"""Converters from external knowledge bases into facts files."""
