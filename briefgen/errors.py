"""One exception root; only cli.py turns these into exit codes and one-line messages."""


class BriefgenError(Exception):
    """An error the user can cause and fix; its message is the one line they see."""

    exit_code = 1


class ConfigError(BriefgenError):
    """The config file is unreadable, malformed or invalid (every problem listed)."""

    exit_code = 2


class InputError(BriefgenError):
    """No readable article, or an input path that does not exist."""


class RenderError(BriefgenError):
    """A template is missing or broken, or the PDF could not be made."""
