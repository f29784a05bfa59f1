"""The write stage and `factsheet render`: only changed files are written, stale ones removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factsheet.cli import main
from factsheet.write import MANIFEST, write_tree

FIXTURE = Path(__file__).parent.parent / "fixtures" / "valid"


def test_writes_then_leaves_unchanged_files_alone(tmp_path):
    first = write_tree({"a.md": "A", "dir/b.md": "B"}, tmp_path)
    assert first.written == ("a.md", "dir/b.md")
    stamp = 1_000_000_000
    os.utime(tmp_path / "a.md", (stamp, stamp))
    again = write_tree({"a.md": "A", "dir/b.md": "B2"}, tmp_path)
    assert again.written == ("dir/b.md",) and again.unchanged == ("a.md",)
    assert (tmp_path / "a.md").stat().st_mtime == stamp
    assert (tmp_path / "dir/b.md").read_text("utf-8") == "B2"


def test_removes_only_files_it_wrote_before(tmp_path):
    (tmp_path / "mine.txt").write_text("not written by the tool", "utf-8")
    write_tree({"old.md": "x", "kept.md": "y"}, tmp_path)
    done = write_tree({"kept.md": "y"}, tmp_path)
    assert done.removed == ("old.md",)
    assert not (tmp_path / "old.md").exists()
    assert (tmp_path / "mine.txt").exists()
    assert (tmp_path / MANIFEST).read_text("utf-8") == "kept.md\n"


def test_a_tampered_manifest_cannot_remove_files_outside(tmp_path):
    out = tmp_path / "out"
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", "utf-8")
    out.mkdir()
    (out / MANIFEST).write_text("../precious.txt\n", "utf-8")
    write_tree({"a.md": "A"}, out)
    assert outside.exists()


@pytest.mark.parametrize("path", ["../x.md", "/etc/x", "", MANIFEST])
def test_refuses_paths_outside_the_directory(tmp_path, path):
    with pytest.raises(ValueError):
        write_tree({"ok.md": "fine", path: "x"}, tmp_path)
    assert not (tmp_path / "ok.md").exists()  # nothing is written when one path is bad


def test_render_command_writes_the_markdown(tmp_path, capsys):
    out = tmp_path / "md"
    assert main(["render", "--data", str(FIXTURE), "--out", str(out)]) == 0
    assert (out / "incident" / "2019-11-28-nasiriyah.md").read_text("utf-8").startswith("---\ntitle:")
    assert (out / "downloads" / "claims.csv").is_file()
    assert main(["render", "--data", str(FIXTURE), "--out", str(out)]) == 0
    assert "0 written" in capsys.readouterr().err.splitlines()[-1]


def test_render_command_refuses_invalid_data(tmp_path, capsys):
    assert main(["render", "--data", str(tmp_path / "missing"), "--out", str(tmp_path / "md")]) == 1
    assert "unreadable-file" in capsys.readouterr().err
    assert not (tmp_path / "md").exists()
