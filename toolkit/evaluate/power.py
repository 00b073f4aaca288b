"""Compatibility shim: the planning functions live in :mod:`toolkit.evaluate.planning`.

A function and a submodule both named ``power`` collide in ``toolkit.evaluate``
(importing the submodule rebinds the package attribute to the module), so import
``power``, ``mdes`` and ``sample_size`` from :mod:`toolkit.evaluate.planning`, or from
:mod:`toolkit.evaluate` once its export map points there.
"""

from toolkit.evaluate.planning import mdes, power, sample_size

__all__ = ["power", "mdes", "sample_size"]
