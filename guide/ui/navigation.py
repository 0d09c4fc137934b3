"""Places the reader can show and the back/forward history between them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One entry of the reading history."""

    kind: str  # "article", "topic" or "welcome"
    id: str = ""
    anchor: str | None = None


class History:
    """A browser-style list of places with a cursor; recording a new place drops the forward part."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.position = -1

    def __bool__(self) -> bool:
        return bool(self.places)

    def record(self, place: Place) -> None:
        if self.places and self.places[self.position] == place:
            return
        del self.places[self.position + 1 :]
        self.places.append(place)
        self.position = len(self.places) - 1

    def can_go_back(self) -> bool:
        return self.position > 0

    def can_go_forward(self) -> bool:
        return self.position < len(self.places) - 1

    def step(self, delta: int) -> Place | None:
        """Move the cursor by ``delta`` places; the place there, or None at either end."""
        target = self.position + delta
        if not 0 <= target < len(self.places):
            return None
        self.position = target
        return self.places[target]
