"""i18ntool: keep Markdown press texts in English and Italian in step through gettext catalogues."""

__version__ = "0.1.0"
