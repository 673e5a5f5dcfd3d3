"""Puno services bot."""
