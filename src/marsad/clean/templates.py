"""Site templates: lines that recur across one outlet's pages are that outlet's furniture.

The counts live in the store and grow as pages arrive, so page 200 of an outlet is
cleaned better than page 1, in a streaming run as well. Extraction reads a frozen
view (``TemplateView``), keeping the extraction stage a pure function.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .lines import line_key

MIN_PAGES = 3  # below this many pages an outlet has no template yet
MIN_SHARE = 0.3  # a line seen on this share of the outlet's pages is template
MAX_TEMPLATE_WORDS = 25  # long prose lines are never template (wire copies repeat too)


@dataclass
class TemplateView:
    """Per-outlet line counts: pages seen and, per line key, how many pages had it."""

    pages: dict[str, int] = field(default_factory=dict)
    lines: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def is_template(self, outlet: str | None, line: str) -> bool:
        if not outlet:
            return False
        n = self.pages.get(outlet, 0)
        if n < MIN_PAGES or len(line.split()) > MAX_TEMPLATE_WORDS:
            return False
        seen = self.lines.get(outlet, Counter()).get(line_key(line), 0)
        return seen >= MIN_PAGES and seen / n >= MIN_SHARE

    def observe(self, outlet: str | None, page_lines: list[str]) -> dict[str, int]:
        """Count one page's short lines; returns the keys counted (for persisting)."""
        if not outlet:
            return {}
        keys = {line_key(ln) for ln in page_lines if ln.strip() and len(ln.split()) <= MAX_TEMPLATE_WORDS}
        self.pages[outlet] = self.pages.get(outlet, 0) + 1
        counter = self.lines[outlet]
        for k in keys:
            counter[k] += 1
        return dict.fromkeys(keys, 1)
