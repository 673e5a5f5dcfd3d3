"""Thin python-telegram-bot layer."""
