"""GNU gettext catalogues: the entry model, the strict reader, gettext's layout, plural forms, entry states and MO files."""
