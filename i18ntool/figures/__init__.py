"""Figures in a text (numbers, percentages, amounts, dates, times), read as each locale writes
them: ``reading`` finds and compares them, ``locale_facts`` holds what Babel says of a locale,
``identifiers`` tells versions, section numbers and codes from quantities."""
