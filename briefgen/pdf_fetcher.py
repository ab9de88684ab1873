"""What the PDF renderer may read: data: URLs and files in the template directories."""

from __future__ import annotations

from pathlib import Path
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher


class LocalOnlyFetcher(URLFetcher):
    """Serve data: URLs and files inside the template directories; refuse the rest.

    No network and no file outside the templates: a hostile article cannot make
    the PDF renderer fetch or disclose anything.
    """

    def __init__(self, allowed: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.allowed = allowed

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(url2pathname(url.split("?")[0].removeprefix("file:"))).resolve()
            if not any(path.is_relative_to(d) for d in self.allowed):
                raise ValueError(f"refused: {url} is outside the template directories")
        elif not url.startswith("data:"):
            raise ValueError(f"refused: {url.split(':')[0]} URLs are not fetched")
        return super().fetch(url, headers)
