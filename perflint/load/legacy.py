"""Word's and WPS's old binary formats (.doc, .wps): not read, with a finding that names the fix.

No well-kept Python library reads .doc tables faithfully, and converting with LibreOffice would make
perflint depend on a program most reviewers' machines lack; saving as .docx is one step in Word or WPS.
"""

from __future__ import annotations

from perflint.load.document import LoadedDocument
from perflint.load.problems import Problem
from perflint.location import START, SourceMap
from perflint.text import Text

SAVE_AS_DOCX = Text("这是旧版 Word/WPS 格式（.doc/.wps），perflint 不直接读取；请在 Word 或 WPS 中“另存为” .docx 后再检查",
                    "this is the old Word/WPS format (.doc/.wps), which perflint does not read; save it as .docx "
                    "in Word or WPS and check that")


def read_legacy_word(data: bytes, path: str) -> LoadedDocument:
    return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                args={"reason": SAVE_AS_DOCX})], has_lines=False)
