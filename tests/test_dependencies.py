"""pyproject.toml and environment.yml list the same dependencies with the same lower
bounds (configuration for one thing in two places must not drift apart), and every
bound is satisfied by the environment the tests run in (bounds we have actually run)."""

import re
import tomllib
from importlib import metadata

import yaml

from toolkit.paths import REPO_DIR


def _parse(spec: str) -> tuple[str, str]:
    m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][0-9.]*)\s*", spec)
    assert m, f"dependency {spec!r} should be written NAME>=VERSION"
    return m.group(1).lower().replace("_", "-"), m.group(2)


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((REPO_DIR / "pyproject.toml").read_text())
    project = data["project"]
    specs = list(project["dependencies"])
    for extra in ("test", "lab"):
        specs += project["optional-dependencies"][extra]
    return dict(_parse(s) for s in specs)


def _environment() -> dict[str, str]:
    env = yaml.safe_load((REPO_DIR / "environment.yml").read_text())
    specs = []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            specs += [s for s in item["pip"] if not s.startswith("-e")]
        elif re.split(r"[<>=]", item)[0].strip() not in ("python", "pip"):
            specs.append(item)
    return dict(_parse(s) for s in specs)


def test_environment_mirrors_pyproject():
    assert _environment() == _pyproject()


def _version_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", v)[:3])


def test_installed_versions_meet_the_lower_bounds():
    core_and_test = {k: v for k, v in _pyproject().items() if k != "jupyterlab"}
    for name, bound in core_and_test.items():
        installed = metadata.version(name)
        assert _version_tuple(installed) >= _version_tuple(bound), f"{name} {installed} < {bound}"
