"""Bundled data files: topic profiles and boilerplate patterns."""
