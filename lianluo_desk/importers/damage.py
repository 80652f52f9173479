"""The one line for a .docx that cannot be read as a whole, said alike by the package
check before reading and by the reader when a part fails."""

from __future__ import annotations

from pathlib import Path

from ..catalogue import Said
from ..errors import UserError


def damaged(p: Path, exc: BaseException | Said) -> UserError:
    """The one line for a .docx that cannot be read as a whole; ``exc`` is what the
    reader raised (its first line is the detail) or a message of our own."""
    detail = exc if isinstance(exc, Said) else str(exc).splitlines()[0] if str(exc) else ""
    return UserError("draft.damaged_docx", where=p, detail=detail or type(exc).__name__)
