"""Votes on what each name is, and the people, places and organisations they add up to.

Each mention of a name casts a vote of some strength for a kind; a name's kind is what its strongest
votes say. Surnames (and a first name no one else shares) then fold into the full name they belong to.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..records import Entities

PERSON, PLACE, ORG = "person", "place", "organization"

# Strength of one mention's evidence: a gazetteer or structural cue outweighs any number of weak ones.
STRONG, WEAK = 2, 1
# "in X" alone makes X a place only when said this often, and of this share of X's mentions.
WEAK_PLACE_VOTES = 2
WEAK_PLACE_SHARE = 0.5


@dataclass(slots=True)
class Tally:
    """What all mentions of one name said about it."""

    mentions: int = 0
    first: int = 0
    prose: bool = False
    votes: dict[tuple[str, int], int] = field(default_factory=dict)

    def kind(self) -> tuple[str, int]:
        """The kind most of the strongest evidence points to, and that strength."""
        if len(self.votes) == 1:  # the common case: every mention that said anything said the same
            ((kind, strength), votes), = self.votes.items()
            return (kind, strength) if self._enough(kind, strength, votes) else ("", 0)
        best: dict[int, tuple[str, int]] = {}
        for (kind, strength), votes in self.votes.items():
            if strength not in best or votes > best[strength][1]:
                best[strength] = (kind, votes)  # ties go to the kind voted for first
        for strength in (STRONG, WEAK):
            if strength in best:
                kind, votes = best[strength]
                if self._enough(kind, strength, votes):
                    return kind, strength
        return "", 0

    def _enough(self, kind: str, strength: int, votes: int) -> bool:
        """Strong evidence always counts; "in X" alone makes a place only when said often enough."""
        return strength == STRONG or kind != PLACE or votes >= max(WEAK_PLACE_VOTES, WEAK_PLACE_SHARE * self.mentions)


def resolved(tallies: dict[str, Tally]) -> Entities:
    """Decide each name's kind, fold surnames (or an unshared first name) into full names, and order by
    mentions, then first mention."""
    decided = {name: t.kind() for name, t in tallies.items() if t.prose}
    kinds = {name: kind for name, (kind, _) in decided.items()}
    people = [n for n, k in kinds.items() if k == PERSON and " " in n]
    by_surname: dict[str, str] = {}
    for person in sorted(people, key=lambda n: (-tallies[n].mentions, tallies[n].first)):
        by_surname.setdefault(person.split()[-1], person)
    given = Counter(person.split()[0] for person in people)
    for person in people:
        if given[person.split()[0]] == 1:  # a first name alone is that person only if no one else shares it
            by_surname.setdefault(person.split()[0], person)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for name, tally in tallies.items():
        kind, strength = decided.get(name, ("", 0))
        foldable = " " not in name and (kind == PERSON or strength < STRONG)
        target = by_surname.get(name) if foldable else None
        if target is None and not kind:
            continue
        target = target or name
        counts[target] = counts.get(target, 0) + tally.mentions
        first[target] = min(first.get(target, tally.first), tally.first)
    for name in counts:
        if name not in kinds:
            kinds[name] = tallies[name].kind()[0]
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return Entities(
        people=tuple(n for n in ranked if kinds.get(n) == PERSON),
        places=tuple(n for n in ranked if kinds.get(n) == PLACE),
        organizations=tuple(n for n in ranked if kinds.get(n) == ORG),
    )
