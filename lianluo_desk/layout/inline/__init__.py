"""Inline layout in phases: shape (text to glyphs), clusters (what never splits,
where a line may break), breaker (clusters into lines), justify (compression and the
space spread)."""
