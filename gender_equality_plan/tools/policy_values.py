# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure value logic of the integrity policy (no database): what a request leaves behind.

The policy judges the record a request leaves, not the keys it carries. Two questions are
answered here without Odoo:

- which ids a relational field holds after a list of x2many commands (``x2many_result``),
  or that the commands create or change records (then the field changes, whatever it held);
- which characters a text may not hold (``text_problem``): PostgreSQL refuses NUL, and XML
  (the .docx, the PDF's HTML, XML-RPC) refuses the other C0 controls but tab, line feed and
  carriage return, and the non-characters U+FFFE and U+FFFF.
"""

import re

# x2many commands (odoo.fields.Command), as plain integers.
CREATE, UPDATE, DELETE, UNLINK, LINK, CLEAR, SET = range(7)

# Characters refused in any text: C0 controls but \t \n \r, DEL, lone surrogates, U+FFFE/FFFF.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class Changes:
    """The marker of x2many commands that create, update or delete records: never equal to
    anything, so that such commands always count as a change."""

    def __eq__(self, other):
        return False

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return "<changes>"


def x2many_result(commands, current=()):
    """The ids an x2many field holds after ``commands`` applied to the ids ``current``, as a
    frozenset, or a ``Changes`` marker when the commands create, update or delete records.

    ``commands`` may be a list of commands (tuples or lists), a list of plain ids (what some
    clients send for a many2many), or empty/False.
    """
    ids = list(current)
    for command in commands or ():
        if isinstance(command, int) and not isinstance(command, bool):
            if command not in ids:
                ids.append(command)
            continue
        if not isinstance(command, list | tuple) or not command:
            return Changes()
        code = command[0]
        if code == LINK and len(command) > 1:
            if command[1] not in ids:
                ids.append(command[1])
        elif code == UNLINK and len(command) > 1:
            ids = [record_id for record_id in ids if record_id != command[1]]
        elif code == CLEAR:
            ids = []
        elif code == SET and len(command) > 2:
            ids = list(command[2] or ())
        else:
            # CREATE, UPDATE and DELETE change records (or something unknown was sent).
            return Changes()
    return frozenset(ids)


def linked_ids(commands):
    """The ids that x2many ``commands`` link (``LINK`` and ``SET``, or plain ids)."""
    ids = []
    for command in commands or ():
        if isinstance(command, int) and not isinstance(command, bool):
            ids.append(command)
        elif isinstance(command, list | tuple) and command:
            if command[0] == LINK and len(command) > 1:
                ids.append(command[1])
            elif command[0] == SET and len(command) > 2:
                ids.extend(command[2] or ())
        else:
            ids.append(command)
    return ids


def text_problem(text):
    """The first character that ``text`` may not hold (None when it is fine)."""
    match = FORBIDDEN_CHARACTERS.search(text)
    return match.group() if match else None


def character_label(character):
    """A character as a user can find it: its code point (``U+000B``)."""
    return f"U+{ord(character):04X}"
