"""What the collection side adds to a freshly loaded bundled plan (owned by the collection work)."""
