"""Bad input of every kind gets a clear finding and the batch goes on (issue 7, hardening)."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main

SEED = Path(__file__).parent.parent / "fixtures" / "seed.yaml"
GOOD = "department: 溧平县司法局\nyear: 2026\ntitle: 司法行政绩效文本\n"


def check(*args):
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "PF0", *map(str, args)], catch_exceptions=False)
    return result.exit_code, json.loads(result.output)


def codes(findings):
    return [(Path(f["path"]).name, f["code"], f["line"], f["column"]) for f in findings]


def test_utf8_with_bom_reads_cleanly(tmp_path):
    doc = tmp_path / "bom.yaml"
    doc.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert check(doc) == (0, [])


def test_utf16_with_bom_reads_cleanly(tmp_path):
    doc = tmp_path / "utf16.yaml"
    doc.write_bytes(GOOD.encode("utf-16"))
    assert check(doc) == (0, [])


def test_gbk_is_detected_decoded_and_reported(tmp_path):
    doc = tmp_path / "gbk.yaml"
    doc.write_bytes(GOOD.encode("gbk"))
    code, findings = check(doc)
    assert codes(findings) == [("gbk.yaml", "PF014", 1, 1)]
    assert findings[0]["severity"] == "warning" and "GB18030" in findings[0]["message"]
    # decoded for real: the document's own rules see its text
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "PF309,PF014", str(doc)], catch_exceptions=False)
    assert [f["code"] for f in json.loads(result.output)] == ["PF014"]


def test_a_binary_file(tmp_path):
    doc = tmp_path / "archive.yaml"
    doc.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    assert codes(check(doc)[1]) == [("archive.yaml", "PF012", 1, 1)]


def test_undecodable_bytes(tmp_path):
    doc = tmp_path / "bad.yaml"
    doc.write_bytes(GOOD.encode() + b"note: \x81\x7f\xff\n")
    assert codes(check(doc)[1]) == [("bad.yaml", "PF002", 4, 7)]


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    (tmp_path / "perflint.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "# " + "注" * 2000 + "\n", encoding="utf-8")
    exit_code, findings = check("--config", tmp_path / "perflint.toml", big)
    assert exit_code == 1 and codes(findings) == [("big.yaml", "PF013", 1, 1)]
    assert str(big.stat().st_size) in findings[0]["message"]


@pytest.mark.parametrize("depth", [200, 5000])
def test_deeply_nested_yaml(tmp_path, depth):
    doc = tmp_path / "deep.yaml"
    doc.write_text(GOOD + "deep: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    exit_code, findings = check(doc)
    assert exit_code == 1 and {f["code"] for f in findings} <= {"PF003", "PF007"} and findings


def test_an_alias_bomb(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    doc = tmp_path / "bomb.yaml"
    doc.write_text(GOOD + "\n".join(lines) + "\ntitle2: *a9\n", encoding="utf-8")
    exit_code, findings = check(doc)
    assert exit_code == 1 and "PF005" in {f["code"] for f in findings}
    assert len(findings) < 200  # each alias reported once, never expanded


def test_a_symlink_loop_in_a_directory(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    exit_code, findings = check(tmp_path)
    assert codes(findings) == [("a.yaml", "PF001", 1, 1), ("b.yaml", "PF001", 1, 1)]


def test_an_unreadable_file_is_a_finding_and_the_batch_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z.yaml").write_bytes(SEED.read_bytes())
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file).endswith("locked.yaml"):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    # Tests run as root in CI, where chmod 000 does not stop reading: simulate the refusal instead.
    monkeypatch.setattr("builtins.open", guarded_open)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)], catch_exceptions=False)
    findings = json.loads(result.output)
    assert ("locked.yaml", "PF001", 1, 1) in codes(findings)
    assert "没有访问权限" in next(f["message"] for f in findings if f["code"] == "PF001")
    assert any(f["path"].endswith("z.yaml") and f["code"] == "PF201" for f in findings)
