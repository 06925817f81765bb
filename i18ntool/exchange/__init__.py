"""Exchange with translators' tools: XLIFF 2.1 and 1.2 out and back in (``export``, ``import``)."""
