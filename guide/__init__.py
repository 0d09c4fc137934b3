"""Offline health guide: a reader for Markdown health articles that never needs a network."""

__version__ = "0.1.0"
