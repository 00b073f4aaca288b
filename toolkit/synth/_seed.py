"""The demo study's default seed (its own module: every part of the study imports it)."""

DEFAULT_SEED = 20240301
