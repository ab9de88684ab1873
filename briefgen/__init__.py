"""briefgen: news articles in, a short daily brief out, every line traceable.

The Python API, the same steps as `briefgen build`:

    from pathlib import Path
    from briefgen import build_brief, load_config, write_brief

    config = load_config("config/brief.yaml")
    brief = build_brief(config, ["seeds/"])          # a Brief; brief.to_dict() is the JSON
    write_brief(brief, Path("out"), ("html", "pdf"))  # the paths written
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# Loaded on first use, so `import briefgen` (and `briefgen --help`) stays light.
_API = {
    "load_config": ("briefgen.config", "load"),
    "build_brief": ("briefgen.pipeline", "build_brief"),
    "write_brief": ("briefgen.render", "write_brief"),
    "Brief": ("briefgen.model", "Brief"),
    "Config": ("briefgen.config", "Config"),
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    module, attribute = _API[name]
    return getattr(import_module(module), attribute)
