"""Writes on tasks (owned by the tasks work)."""
