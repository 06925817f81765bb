"""The built pages' own words ("Press releases", "Published on ..."): the `ui` domain.

They are translated like everything else, in a catalogue with no document behind it:
``locales/templates/ui.pot`` and ``locales/<lang>/LC_MESSAGES/ui.po``, with English msgids.
``UI_MESSAGES`` is the list of them; the templates in ``i18ntool/outputs/templates`` use no others
(a test holds both, and the shipped ``ui.pot``, to this list).

A translation is used only when it is done (``status.state_of``) and keeps the msgid's
``%(name)s`` placeholders; otherwise the English words stand in and the build says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from babel import Locale

from i18ntool.documents import UI_DOMAIN
from i18ntool.po.catalogue import Catalogue, Message
from i18ntool.po.catalogue_files import catalogue_exists, read_catalogue
from i18ntool.italian import elided_before_values
from i18ntool.project import Project
from i18ntool.po.states import state_of

UI_LANGUAGE = "en"  # the language of the msgids

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@dataclass(frozen=True)
class UiMessage:
    msgid: str
    comment: str  # for translators, as a "#." comment


UI_MESSAGES: tuple[UiMessage, ...] = (
    UiMessage("Press releases", "The heading of the index page, and the link to it at the top of every page."),
    UiMessage(
        "Published on %(date)s",
        "The dateline under a press text's headline; %(date)s is the date in the language's long format. "
        "In Italian, write the article any date takes (Pubblicato il %(date)s): the page elides it "
        "before 8 and 11 (Pubblicato l’8 marzo 2023).",
    ),
    UiMessage(
        "Read in %(language)s",
        "A link to the same text in another language, shown in that language: the English catalogue "
        "gives the words of the link to English. %(language)s is the language's own name (English, italiano).",
    ),
    UiMessage("Languages", "The label of the language switcher, read out by screen readers."),
    UiMessage(
        "Some passages of this text are not translated yet and are shown in %(language)s.",
        "A note on a page where some paragraphs fell back to the source text; %(language)s is the "
        "name of the source language in this language (inglese, italiano).",
    ),
    UiMessage("Links", "The heading of the numbered list of links at the end of a plain-text press text."),
    UiMessage("No press releases yet.", "The index page of a language with no published press texts."),
)


@dataclass(frozen=True)
class UiText:
    """The pages' own words in one language."""

    language: str
    translations: Mapping[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # msgids shown in English for want of a usable translation
    problems: tuple[str, ...] = ()  # "path:line: ..." for translations that could not be used

    def gettext(self, msgid: str) -> str:
        return self.translations.get(msgid, msgid)

    def agreeing(self, msgid: str, values: Mapping[str, str]) -> str:
        """The translation of ``msgid``, its words made to agree with the plain text of the
        ``values`` that will fill its placeholders: in Italian, "Pubblicato il %(date)s"
        becomes "Pubblicato l’%(date)s" for "8 marzo 2023" (``italian.elided_before_values``).
        The translator writes the article any other date takes; the page elides it."""
        translation = self.gettext(msgid)
        if Locale.parse(self.language).language == "it":
            return elided_before_values(translation, values)
        return translation


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def load_ui(project: Project, language: str) -> UiText:
    """The UI words for ``language`` from its ``ui`` catalogue, if there is one."""
    path = project.catalogue_path(language, UI_DOMAIN)
    if not catalogue_exists(path, project.relative(path)):
        missing = () if language == UI_LANGUAGE else tuple(message.msgid for message in UI_MESSAGES)
        return UiText(language=language, missing=missing)
    return ui_text(language, read_catalogue(path, project.relative(path)), project.relative(path))


def ui_text(language: str, catalogue: Catalogue, where: str) -> UiText:
    messages = {message.msgid: message for message in catalogue.messages if message.msgctxt is None}
    translations: dict[str, str] = {}
    missing: list[str] = []
    problems: list[str] = []
    for ui_message in UI_MESSAGES:
        message = messages.get(ui_message.msgid)
        if message is not None and state_of(message).done:
            if _usable(ui_message.msgid, message.msgstr):
                translations[ui_message.msgid] = message.msgstr
                continue
            problems.append(
                f"{where}:{message.line}: the translation of {ui_message.msgid!r} must keep the placeholders "
                f"{', '.join(placeholders(ui_message.msgid)) or '(none)'} and write a lone % as %%"
            )
        if language != UI_LANGUAGE:
            missing.append(ui_message.msgid)
    return UiText(language=language, translations=translations, missing=tuple(missing), problems=tuple(problems))


def _usable(msgid: str, translation: str) -> bool:
    if not placeholders(msgid):
        return True  # shown as written, never %-formatted
    if placeholders(msgid) != placeholders(translation):
        return False
    try:
        translation % {name: "" for name in placeholders(msgid)}
    except (ValueError, TypeError, KeyError):
        return False
    return True


def ui_template(header_fields: tuple[tuple[str, str], ...]) -> Catalogue:
    """The ``ui`` template: every message of ``UI_MESSAGES``."""
    return Catalogue(
        header_fields=header_fields,
        header_comments=(
            "Translation template for the words of the pages that `i18ntool build` writes.",
            "The list of messages is i18ntool.outputs.page_words.UI_MESSAGES.",
        ),
        header_flags=("fuzzy",),
        messages=tuple(_template_message(message) for message in UI_MESSAGES),
    )


def _template_message(message: UiMessage) -> Message:
    return Message(
        msgid=message.msgid,
        extracted_comments=(message.comment,),
        flags=("python-format",) if placeholders(message.msgid) else (),
    )
