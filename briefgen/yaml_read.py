"""YAML read with lines: every error, of syntax or of a value, names the file and line.

The config and the users' furniture rules are read this way; a key given twice in one
mapping is an error, not the silent loss of the first.
"""

from __future__ import annotations

import contextlib
import weakref

import yaml

from .errors import ConfigError


class LineLoader(yaml.SafeLoader):
    """Safe YAML whose values it cannot make (the date 2024-02-31, an integer of 5,000
    digits, `!!bool x`, `!!int ''`) are errors at their line, as syntax errors are."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError,
                OverflowError) as e:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            why = str(e).split(';')[0] if isinstance(e, ValueError) else f"not a {tag}"
            problem = f"cannot read {str(node.value)[:40]!r}: {why}"
            raise yaml.constructor.ConstructorError(None, None, problem,
                                                    node.start_mark) from None


def read_yaml(text: str, name: str) -> tuple[object, yaml.Node | None]:
    """The document's data, and its YAML nodes (for the lines of errors, `line_of`)."""
    try:
        loader = LineLoader(text)  # (checks the characters at once)
        try:
            root = loader.get_single_node()
            duplicate_keys(root, name)  # before construction: it merges `<<` keys in place
            return (loader.construct_document(root) if root else None), root
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f":{mark.line + 1}" if mark else ""
        kind = "YAML error" if isinstance(e, yaml.constructor.ConstructorError) \
            else "YAML syntax error"
        raise ConfigError(f"{name}{line}: {kind}: {e.problem or e.context}") from None
    except yaml.reader.ReaderError as e:  # a control character: no mark, a position
        line = text.count("\n", 0, e.position) + 1
        raise ConfigError(f"{name}:{line}: YAML error: unacceptable character "
                          f"#x{e.character:04x}: {e.reason}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{name}: YAML error: {e}") from None
    except RecursionError:
        raise ConfigError(f"{name}: YAML nested too deep") from None


def duplicate_keys(root: yaml.Node | None, name: str) -> None:
    """Raise ConfigError naming each key given twice in one mapping: YAML keeps the last
    and drops the first without a word."""
    found = []
    todo: list[tuple[yaml.Node | None, str]] = [(root, "")]
    done: set[int] = set()  # an alias is its anchor's node again
    while todo:
        node, where = todo.pop()
        if id(node) in done:
            continue
        done.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[tuple[str, str], int] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
                    continue
                path = f"{where}.{key.value}" if where else key.value
                line = key.start_mark.line + 1
                if (key.tag, key.value) in first:
                    found.append((line, f"{name}:{line}: {path}: given twice (first at line "
                                        f"{first[key.tag, key.value]}); keep one"))
                first.setdefault((key.tag, key.value), line)
                todo.append((value, path))
        elif isinstance(node, yaml.SequenceNode):
            todo += [(item, f"{where}[{n}]") for n, item in enumerate(node.value)]
    if found:
        raise ConfigError("\n".join(line for _, line in sorted(found)))


_PAIRS: weakref.WeakKeyDictionary[yaml.MappingNode, dict[object, int]] = \
    weakref.WeakKeyDictionary()


def _pair_at(node: yaml.MappingNode) -> dict[object, int]:
    """Where the last pair of each key of a mapping stands: a key as written, and a key
    that is no name (`~`, `5`, which the schema refuses) as YAML reads it and as its text
    (pydantic names a null key 'None'). Made once a mapping: a config of thousands of
    unknown keys was a pass over the mapping, and a YAML loader, for each key of each."""
    found = _PAIRS.get(node)
    if found is None:
        found = _PAIRS[node] = {}
        for n, (key, _) in enumerate(node.value):
            if not isinstance(key, yaml.ScalarNode):
                continue
            found[key.value] = n
            if key.tag != "tag:yaml.org,2002:str":
                try:
                    value = yaml.SafeLoader("").construct_object(key)
                except yaml.YAMLError:
                    continue
                found[str(value)] = n
                with contextlib.suppress(TypeError):  # a value that cannot be hashed
                    found[value] = n
    return found


def line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """The 1-based line of the deepest YAML node along loc (the key itself when it exists).

    Construction flattens `<<` merges into the node, the merged keys first: of equal keys
    the last is the one YAML keeps (a key given twice in one mapping is an error before).
    """
    line = node.start_mark.line + 1 if node else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            n = _pair_at(node).get(part)
            if n is None:
                break
            match = node.value[n]
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
