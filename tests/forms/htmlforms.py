"""Read the forms of a page the way a browser submits them (stdlib only).

A browser drops a value it cannot parse in a date, time or number input (the field shows empty and
submits ""), so `Form.submission()` sanitises values by input type as Chromium does. Tests use it
to post a page's form back untouched and see whether anything was lost on the way.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# The value formats an <input> of each type keeps (HTML's value sanitisation algorithm).
VALID = {
    "date": re.compile(r"^\d{4,}-\d{2}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4,}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$"),
    "month": re.compile(r"^\d{4,}-\d{2}$"),
    "week": re.compile(r"^\d{4,}-W\d{2}$"),
    "number": re.compile(r"^-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$"),
}
NOT_SUBMITTED = {"submit", "button", "reset", "image", "file"}


@dataclass
class Control:
    tag: str
    type: str
    name: str
    value: str
    checked: bool = False
    options: list = field(default_factory=list)  # (value, selected) for a select

    def browser_value(self) -> str:
        """The value a browser keeps: an unparsable date or number becomes empty."""
        pattern = VALID.get(self.type)
        if pattern and self.value and not pattern.match(self.value.strip()):
            return ""
        return self.value


@dataclass
class Form:
    method: str
    action: str
    controls: list = field(default_factory=list)

    def submission(self) -> list[tuple[str, str]]:
        """(name, value) pairs as the browser posts them, nothing changed by the user."""
        pairs = []
        for c in self.controls:
            if not c.name or c.type in NOT_SUBMITTED:
                continue
            if c.tag == "select":
                chosen = [v for v, selected in c.options if selected]
                if not chosen and c.options and not c.checked:  # first option of a single select
                    chosen = [c.options[0][0]]
                pairs += [(c.name, v) for v in chosen]
            elif c.type in ("checkbox", "radio"):
                if c.checked:
                    pairs.append((c.name, c.value if c.value is not None else "on"))
            else:
                pairs.append((c.name, c.browser_value()))
        return pairs

    def invalid_values(self) -> list[str]:
        """Inputs whose rendered value a browser would throw away."""
        return [
            f"{c.name}={c.value!r} ({c.type})"
            for c in self.controls
            if c.tag == "input" and c.value and c.browser_value() != c.value
        ]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: Control | None = None
        self._option: list | None = None
        self._textarea: Control | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("method", "get").lower(), a.get("action", "")))
        elif not self.forms:
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            value = a.get("value", "on" if kind in ("checkbox", "radio") else "")
            self.forms[-1].controls.append(
                Control("input", kind, a.get("name", ""), value, "checked" in a)
            )
        elif tag == "select":
            # `checked` marks a multiple select: none chosen means nothing is sent.
            self._select = Control("select", "select", a.get("name", ""), "", "multiple" in a)
            self.forms[-1].controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
            self._select.options.append(self._option)
        elif tag == "textarea":
            self._textarea = Control("textarea", "textarea", a.get("name", ""), "")
            self.forms[-1].controls.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        elif self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            # A browser drops the one newline that follows <textarea> (Django writes it).
            self._textarea.value = self._textarea.value.removeprefix("\r").removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._finish_options()
            self._select = None
        elif tag == "option":
            self._option = None

    def _finish_options(self):
        if self._select is None:
            return
        self._select.options = [
            (value if value is not None else text.strip(), selected)
            for value, selected, text in self._select.options
        ]


def forms_of(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms
