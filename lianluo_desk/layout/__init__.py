"""Typesetting: fonts, kinsoku tables, the line breaker, titles, pagination and the
composer that turns an issue into the box tree. Pure Python; no Qt, no export."""
