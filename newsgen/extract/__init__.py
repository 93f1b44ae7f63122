"""Heuristics over text, kept as named signals and thresholds with their reasons."""
