"""The domain of kehoach in pure Python: no Django here (a test checks it).

Modules: ``plan`` (the plan model and its interchange format), ``numbers``
(Vietnamese numbers), ``periods`` (reporting periods), and the extraction,
evaluation, forecasting and scenario modules built on them.
"""
