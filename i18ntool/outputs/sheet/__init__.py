"""`i18ntool sheet`: the editor's bilingual proof sheet, one static HTML page per document and
target language, and an index page per language.

``diff`` compares a changed source text with its previous one word by word, ``rows`` turns a
catalogue's entries into the rows of a sheet (state, reviewer, findings, the sign-off
command), and ``pages`` renders and writes the pages.
"""
