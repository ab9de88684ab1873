"""Which config a command uses when none is named: the places users expect, in order.

`--config`, then `$BRIEFGEN_CONFIG`, then `./brief.yaml`, `./config/brief.yaml`,
the user's config directory, and last the default that ships with the package.
A place the user named (the option or the variable) must exist; the others are
looked at in turn.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .config import Config, parse
from .config import load as config_load
from .errors import ConfigError
from .fsutil import is_dir, is_file

ENV_VAR = "BRIEFGEN_CONFIG"
PACKAGED = "packaged default"
# The packaged default reads what --input names; the repo's config/brief.yaml reads the
# samples, and a config from `briefgen init` its own articles/ folder.
PACKAGED_SOURCES = "sources: []                 # give --input PATH, or list paths and feeds here"
REPO_SOURCES = "sources:\n  - path: ../seeds          # relative to this file"
STARTER_SOURCES = "sources:\n  - path: articles          # relative to this file"


def user_config_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("briefgen") / "brief.yaml"


def packaged_config() -> Path:
    return Path(str(resources.files("briefgen").joinpath("data/brief.yaml")))


def places() -> list[Path]:
    """Where a config is looked for when neither --config nor the variable names one."""
    return [Path("brief.yaml"), Path("config") / "brief.yaml", user_config_file()]


def find_config(explicit: str | None) -> Path:
    """The config file to load; named ones must exist, the packaged default is the last."""
    if explicit == "":
        raise ConfigError("--config: empty path; name a config file")
    for named, origin in ((explicit, "--config"), (os.environ.get(ENV_VAR), f"${ENV_VAR}")):
        if named:
            if is_dir(Path(named)):  # `--config config/`: name the file in it
                raise ConfigError(f"{named}: a folder, not a config file (named by {origin}); "
                                  "name the YAML file in it")
            if not is_file(Path(named)):
                raise ConfigError(f"{named}: config file not found (named by {origin}); "
                                  "`briefgen init DIR` writes a starter config")
            return Path(named)
    return next((p for p in places() if is_file(p)), packaged_config())


def is_packaged(path: Path) -> bool:
    return path.resolve() == packaged_config().resolve()


def load(explicit: str | None) -> tuple[Config, Path]:
    """The config found, and where. The packaged default's relative paths mean the
    current directory, not the package's."""
    path = find_config(explicit)
    if is_packaged(path):
        return parse(path.read_text("utf-8"), PACKAGED, base_dir=Path.cwd()), path
    return config_load(path), path


def looked_at() -> str:
    """The places searched, for a message that tells the user where a config may go."""
    return ", ".join(str(p) for p in places())
