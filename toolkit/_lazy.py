"""Lazy exports for the toolkit's subpackages.

``toolkit.survey.prevalence`` and friends are importable from their package without
importing every module up front. A function named like its own module (``reliability``
in ``reliability.py``) would be hidden by the submodule once that is imported (Python binds
submodules as package attributes), so those few are bound eagerly: the package attribute
is then always the function.
"""

from __future__ import annotations

import importlib


def lazy_package(package: str, exports: dict[str, str], namespace: dict):
    """Install lazy exports ``{name: module}`` into a package namespace.

    Returns ``(__all__, __getattr__)`` for the package to assign.
    """

    def __getattr__(name: str):
        if name in exports:
            module = importlib.import_module(f"{package}.{exports[name]}")
            return getattr(module, name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    for name, module in exports.items():
        if name == module:
            try:
                namespace[name] = getattr(importlib.import_module(f"{package}.{module}"), name)
            except ModuleNotFoundError as exc:  # a module not written yet stays lazy
                if exc.name != f"{package}.{module}":
                    raise
    return sorted(exports), __getattr__
