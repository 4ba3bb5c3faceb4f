"""kehoach: making a People's Council resolution on the socio-economic development plan run.

The public surface is the ``kehoach`` command (:mod:`kehoach.cli`), the plan
interchange format (:mod:`kehoach.core.plan`) and the JSON API under ``/api/``.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
