"""The static parts of `--format html`: words in both languages, page skeleton, style and script.

Everything the page needs is inlined, and its Content-Security-Policy forbids loading anything else,
so the report opens offline and never reaches the network. The script reads the findings from the
JSON block `html.py` streams into the page and draws the charts and tables from it.
"""

from __future__ import annotations

from string import Template

# Words shown on the page (with the severity labels of labels.py); the script receives the same table.
TEXT = {
    "zh": {
        "title": "预算绩效文本审核报告",
        "documents": "文件", "departments": "部门", "department": "部门", "findings": "问题", "mean": "平均得分",
        "errors": "错误", "warnings": "警告", "infos": "提示",
        "low": "得分低于 {n} 的文件",
        "dept_chart": "各部门问题分布（按平均得分从低到高）",
        "rule_chart": "各规则问题数",
        "mean_short": "均分", "more_rules": "另有 {n} 条规则未列出",
        "doc_table": "文件得分（从低到高）",
        "score": "得分", "show": "查看问题",
        "all_depts": "全部部门", "all_rules": "全部规则", "all_sevs": "全部级别",
        "search": "搜索问题、文件、字段…", "clear": "清除筛选", "file": "文件",
        "place": "位置", "severity": "级别", "rule": "规则", "message": "问题", "pointer": "字段",
        "count": "共 {n} 条，显示第 {a}–{b} 条", "prev": "上一页", "next": "下一页",
        "none": "没有符合条件的记录",
        "rules": "规则说明", "what": "检查什么", "why": "为什么", "source": "依据",
        "dimension": "审核维度", "default_severity": "默认级别",
        "in_report": "本报告中 {n} 处", "show_rule": "查看这些问题",
        "score_note": "得分 = 100 − {error} × 错误 − {warning} × 警告 − {info} × 提示，最低为 0。",
        "noscript": "本报告的图表和表格需要启用 JavaScript 才能显示。",
        "unreadable": "无法读取", "unreadable_note": "无法读取的文件没有得分，不计入平均得分。",
    },
    "en": {
        "title": "Budget performance document review",
        "documents": "Documents", "departments": "Departments", "department": "Department", "findings": "Findings",
        "mean": "Mean score", "errors": "Errors", "warnings": "Warnings", "infos": "Info",
        "low": "Documents scoring below {n}",
        "dept_chart": "Findings per department (lowest mean score first)",
        "rule_chart": "Findings per rule",
        "mean_short": "mean", "more_rules": "{n} more rules not shown",
        "doc_table": "Documents by score (lowest first)",
        "score": "Score", "show": "show findings",
        "all_depts": "All departments", "all_rules": "All rules", "all_sevs": "All severities",
        "search": "Search messages, files, fields…", "clear": "Clear filters", "file": "File",
        "place": "Place", "severity": "Severity", "rule": "Rule", "message": "Message", "pointer": "Field",
        "count": "{n} in all, showing {a}–{b}", "prev": "Previous", "next": "Next",
        "none": "Nothing matches",
        "rules": "Rules", "what": "What it checks", "why": "Why it matters", "source": "Source",
        "dimension": "Review dimension", "default_severity": "Default severity",
        "in_report": "{n} in this report", "show_rule": "show these findings",
        "score_note": "Score = 100 − {error} × errors − {warning} × warnings − {info} × info, never below 0.",
        "noscript": "The charts and tables of this report need JavaScript.",
        "unreadable": "Unreadable", "unreadable_note": "A document that could not be read has no score and is not "
                                                      "in the mean.",
    },
}

# Up to the findings data, which html.py streams in after it; $-fields are filled in (escaped).
HEAD = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="perflint $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header class="top"><h1>$title</h1><p class="sub">perflint $version</p></header>
<main>
<noscript><p class="warn">$noscript</p></noscript>
<section class="cards" id="cards"></section>
<section class="charts">
  <figure class="chart"><figcaption>$dept_chart</figcaption><div id="dept-chart"></div></figure>
  <figure class="chart"><figcaption>$rule_chart</figcaption><div id="rule-chart"></div></figure>
</section>
<section id="documents">
  <h2>$doc_table</h2>
  <table class="grid"><thead><tr><th>$file</th><th>$department</th><th class="num">$score</th>
  <th class="num">$errors</th><th class="num">$warnings</th><th class="num">$infos</th><th></th></tr></thead>
  <tbody id="doc-rows"></tbody></table>
  <nav class="pager" id="doc-pager"></nav>
</section>
<section id="findings">
  <h2>$findings</h2>
  <form class="filters" id="filters" autocomplete="off">
    <select id="f-dept"><option value="">$all_depts</option></select>
    <select id="f-rule"><option value="">$all_rules</option></select>
    <select id="f-sev"><option value="">$all_sevs</option></select>
    <input id="f-q" type="search" placeholder="$search">
    <span id="f-file" class="chip" hidden></span>
    <button type="button" id="f-clear">$clear</button>
  </form>
  <table class="grid"><thead><tr><th>$file</th><th>$department</th><th>$place</th><th>$severity</th>
  <th>$rule</th><th>$message</th><th>$pointer</th></tr></thead>
  <tbody id="finding-rows"></tbody></table>
  <nav class="pager" id="finding-pager"></nav>
</section>
""")

CSS = """
:root { --error: #c0392b; --warning: #e08e0b; --info: #2e86c1; --ink: #1f2d3d; --line: #d9dee5; --head: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f4f6f9; font: 14px/1.55 "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", system-ui, sans-serif; }
header.top { background: var(--head); color: #fff; padding: 18px 32px; }
header.top h1 { margin: 0; font-size: 22px; font-weight: 600; }
header.top .sub { margin: 4px 0 0; opacity: .8; font-size: 13px; }
main { padding: 20px 32px 40px; max-width: 1500px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.warn { background: #fdecea; padding: 10px; border-radius: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 18px; min-width: 130px; }
.card .n { font-size: 24px; font-weight: 600; }
.card .l { font-size: 12px; color: #5d6d7e; }
.card.error .n { color: var(--error); } .card.warning .n { color: var(--warning); } .card.info .n { color: var(--info); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; margin-top: 18px;
  align-items: start; }
.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.chart figcaption { font-weight: 600; margin-bottom: 8px; }
.chart svg { max-width: 100%; height: auto; display: block; }
.chart text { font-size: 13px; fill: var(--ink); }
.chart .muted { fill: #7b8a97; }
.bar { cursor: pointer; }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); }
.bar:hover { opacity: .75; }
.score-low { fill: var(--error) !important; font-weight: 600; }
table.grid { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
.grid th { background: #e8edf3; text-align: left; padding: 6px 8px; font-weight: 600; white-space: nowrap;
  position: sticky; top: 0; }
.grid td { padding: 6px 8px; border-top: 1px solid var(--line); vertical-align: top; }
.grid tbody tr:nth-child(even) { background: #f9fafc; }
.grid .num { text-align: right; font-variant-numeric: tabular-nums; }
.grid .path { overflow-wrap: anywhere; min-width: 150px; max-width: 300px; }
.grid .dept { min-width: 7em; }
.grid .rule { min-width: 14em; }
.grid .rule .slug { font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: #5d6d7e; }
.grid .msg { min-width: 360px; }
.grid .ptr { font-family: ui-monospace, Consolas, monospace; font-size: 12px; color: #5d6d7e; word-break: break-all; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; color: #fff; font-size: 12px; white-space: nowrap; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.score { font-weight: 600; } .score.low { color: var(--error); }
a { color: #1a5fa8; text-decoration: none; } a:hover { text-decoration: underline; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 10px; align-items: center; }
.filters select, .filters input, .filters button { font: inherit; padding: 5px 8px; border: 1px solid #b8c2cc;
  border-radius: 4px; background: #fff; }
.filters input { min-width: 260px; }
.chip { background: #dde8f3; border-radius: 12px; padding: 3px 10px; cursor: pointer; }
.pager { display: flex; gap: 10px; align-items: center; margin: 8px 0; color: #5d6d7e; }
.pager button { font: inherit; padding: 3px 10px; }
#rules article { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px;
  margin-bottom: 10px; }
#rules article:target { outline: 3px solid #f5b041; }
#rules h3 { margin: 0 0 6px; font-size: 15px; }
#rules .code { font-family: ui-monospace, Consolas, monospace; margin-right: 8px; }
#rules .slug { color: #7b8a97; font-weight: normal; font-size: 12px; margin-left: 8px; }
#rules dl { display: grid; grid-template-columns: 7em 1fr; gap: 4px 12px; margin: 0; }
#rules dt { color: #5d6d7e; } #rules dd { margin: 0; }
footer { color: #5d6d7e; font-size: 12px; margin-top: 24px; }
@media print { .filters, .pager { display: none; } }
"""

# Reads #perflint-data (one array per document: path, department, score (null when the document could not
# be read), findings as [line, column, label, code, severity index, message, pointer]) and #perflint-meta.
# Filter state lives in the fragment as "#?dept=…&rule=…&sev=…&file=…&q=…", so a filtered view can
# be bookmarked or sent on; other fragments are the rule anchors and leave the filters alone.
SCRIPT = r"""
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("perflint-meta").textContent);
  var data = JSON.parse(document.getElementById("perflint-data").textContent);
  var T = meta.text, SEV = ["error", "warning", "info"], PAGE = {docs: 50, findings: 100};
  var SVGNS = "http://www.w3.org/2000/svg";
  var docs = [], rows = [], depts = {}, rules = {};

  data.forEach(function (d) {
    var doc = {path: d[0], dept: d[1], score: d[2], counts: [0, 0, 0]};
    d[3].forEach(function (f) {
      doc.counts[f[4]]++;
      var rule = rules[f[3]] || (rules[f[3]] = {code: f[3], counts: [0, 0, 0]});
      rule.counts[f[4]]++;
      rows.push({doc: doc, place: f[2] || f[0] + ":" + f[1], code: f[3], sev: f[4], msg: f[5], ptr: f[6]});
    });
    var dep = depts[doc.dept] ||
      (depts[doc.dept] = {name: doc.dept, docs: 0, scored: 0, sum: 0, low: 100, counts: [0, 0, 0]});
    dep.docs++;
    if (doc.score !== null) { dep.scored++; dep.sum += doc.score; dep.low = Math.min(dep.low, doc.score); }
    for (var s = 0; s < 3; s++) dep.counts[s] += doc.counts[s];
    docs.push(doc);
  });
  var deptList = Object.keys(depts).map(function (k) {
    var d = depts[k]; d.mean = d.scored ? d.sum / d.scored : null; return d;
  });
  var ruleList = Object.keys(rules).map(function (k) { return rules[k]; });
  function total(x) { return x.counts[0] + x.counts[1] + x.counts[2]; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function fmt(s, args) { return s.replace(/\{(\w+)\}/g, function (_, k) { return args[k]; }); }
  // Shorten a label to about `room` ASCII widths, a Chinese character counting two.
  function fit(s, room) {
    var w = 0;
    for (var i = 0; i < s.length; i++) {
      w += s.charCodeAt(i) > 0x2e7f ? 2 : 1.1;
      if (w > room) return s.slice(0, i) + "…";
    }
    return s;
  }
  function lowScore(score) { return score !== null && score < meta.low_score; }
  // Worst first: what could not be read (no score) before the lowest score.
  function byScore(a, b) { return (a === null ? -1 : a) - (b === null ? -1 : b); }
  function shownScore(score, digits) { return score === null ? T.unreadable : score.toFixed(digits); }
  // Names in the page's language order (pinyin for Chinese), numbers by value: 第2局 before 第10局.
  function byName(a, b) { return a.localeCompare(b, document.documentElement.lang, {numeric: true}); }

  // Summary cards.
  var counts = [0, 0, 0];
  docs.forEach(function (d) { for (var s = 0; s < 3; s++) counts[s] += d.counts[s]; });
  var scored = docs.filter(function (d) { return d.score !== null; });
  var mean = scored.length ? scored.reduce(function (a, d) { return a + d.score; }, 0) / scored.length : null;
  var low = docs.filter(function (d) { return lowScore(d.score); }).length;
  [[docs.length, T.documents, ""], [deptList.length, T.departments, ""], [rows.length, T.findings, ""],
   [counts[0], T.errors, "error"], [counts[1], T.warnings, "warning"], [counts[2], T.infos, "info"],
   [shownScore(mean, 1), T.mean, ""], [low, fmt(T.low, {n: meta.low_score}), ""],
   [docs.length - scored.length, T.unreadable, docs.length > scored.length ? "error" : ""]
  ].forEach(function (c, i) {
    var card = el("div", {"class": "card " + c[2], id: "card-" + i});
    card.appendChild(el("div", {"class": "n"}, String(c[0])));
    card.appendChild(el("div", {"class": "l"}, c[1]));
    document.getElementById("cards").appendChild(card);
  });

  // A horizontal stacked bar chart: one row per item, segments per severity; clicking filters.
  function barChart(target, items, label, note, onClick) {
    // Drawn at the container's own width, so that one unit is one pixel and the text stays legible.
    var box = document.getElementById(target), width = Math.max(480, box.clientWidth || 900);
    var rowH = 24, left = Math.min(300, Math.round(width * 0.4)), right = 190, top = 26;
    var max = Math.max(1, Math.max.apply(null, items.map(total).concat([1])));
    var scale = (width - left - right) / max;
    var height = top + items.length * rowH + 6;
    var chart = svg("svg", {viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img"});
    SEV.forEach(function (s, i) {
      chart.appendChild(svg("rect", {x: left + i * 90, y: 4, width: 10, height: 10, "class": "bar-" + s}));
      chart.appendChild(svg("text", {x: left + i * 90 + 14, y: 13}, T[s]));
    });
    items.forEach(function (item, i) {
      var y = top + i * rowH, x = left;
      var name = svg("text", {x: left - 8, y: y + 15, "text-anchor": "end"}, fit(label(item), (left - 16) / 6.5));
      name.appendChild(svg("title", {}, label(item)));
      chart.appendChild(name);
      SEV.forEach(function (s, k) {
        if (!item.counts[k]) return;
        var w = Math.max(2, item.counts[k] * scale);
        var bar = svg("rect", {x: x, y: y + 3, width: w, height: rowH - 8, "class": "bar bar-" + s});
        bar.appendChild(svg("title", {}, label(item) + " · " + T[s] + " " + item.counts[k]));
        bar.addEventListener("click", function () { onClick(item, k); });
        chart.appendChild(bar);
        x += w;
      });
      var n = note(item);
      chart.appendChild(svg("text", {x: x + 6, y: y + 15, "class": n[1]}, n[0]));
    });
    box.appendChild(chart);
  }

  deptList.sort(function (a, b) { return byScore(a.mean, b.mean) || byName(a.name, b.name); });
  barChart("dept-chart", deptList, function (d) { return d.name; }, function (d) {
    return [T.findings + " " + total(d) + " · " + T.mean_short + " " + shownScore(d.mean, 1),
            d.mean === null || lowScore(d.mean) ? "score-low" : "muted"];
  }, function (d) { setState({dept: d.name, rule: "", sev: "", file: ""}); jump("findings"); });

  ruleList.sort(function (a, b) { return total(b) - total(a) || (a.code < b.code ? -1 : 1); });
  var TOP = 20;
  barChart("rule-chart", ruleList.slice(0, TOP), function (r) {
    return r.code + " " + (meta.rules[r.code] ? meta.rules[r.code][1] : "");
  }, function (r) { return [String(total(r)), "muted"]; },
  function (r, k) { setState({rule: r.code, sev: SEV[k], dept: "", file: ""}); jump("findings"); });
  if (ruleList.length > TOP) {
    document.getElementById("rule-chart").appendChild(el("p", {"class": "muted"},
      fmt(T.more_rules, {n: ruleList.length - TOP})));
  }

  // Filters: the select options, the state and its fragment.
  var state = {dept: "", rule: "", sev: "", file: "", q: ""};
  var fDept = document.getElementById("f-dept"), fRule = document.getElementById("f-rule");
  var fSev = document.getElementById("f-sev"), fQ = document.getElementById("f-q");
  var fFile = document.getElementById("f-file");
  deptList.map(function (d) { return d.name; }).sort(byName).forEach(function (n) {
    fDept.appendChild(el("option", {value: n}, n));
  });
  ruleList.map(function (r) { return r.code; }).sort().forEach(function (c) {
    fRule.appendChild(el("option", {value: c}, c + " " + (meta.rules[c] ? fit(meta.rules[c][1], 40) : "")));
  });
  SEV.forEach(function (s) { fSev.appendChild(el("option", {value: s}, T[s])); });

  function readHash() {
    var h = location.hash;
    if (h.indexOf("#?") !== 0) return false;
    var p = new URLSearchParams(h.slice(2));
    for (var k in state) state[k] = p.get(k) || "";
    return true;
  }
  function writeHash() {
    var p = new URLSearchParams();
    for (var k in state) if (state[k]) p.set(k, state[k]);
    var s = p.toString();
    history.replaceState(null, "", s ? "#?" + s : location.pathname + location.search);
  }
  function setState(change) {
    for (var k in change) state[k] = change[k];
    pages.docs = pages.findings = 0;
    writeHash();
    render();
  }
  function jump(id) { document.getElementById(id).scrollIntoView(); }

  // Tables, a page at a time so that a report of many thousand documents stays quick.
  var pages = {docs: 0, findings: 0};
  function pager(id, kind, n) {
    var nav = document.getElementById(id), size = PAGE[kind], last = Math.max(0, Math.ceil(n / size) - 1);
    pages[kind] = Math.min(pages[kind], last);
    var a = n ? pages[kind] * size + 1 : 0, b = Math.min(n, (pages[kind] + 1) * size);
    nav.textContent = "";
    var prev = el("button", {type: "button"}, T.prev), next = el("button", {type: "button"}, T.next);
    prev.disabled = pages[kind] === 0; next.disabled = pages[kind] >= last;
    prev.onclick = function () { pages[kind]--; render(); };
    next.onclick = function () { pages[kind]++; render(); };
    nav.appendChild(el("span", {"class": "count"}, fmt(T.count, {n: n, a: a, b: b})));
    nav.appendChild(prev); nav.appendChild(next);
    return [a ? a - 1 : 0, b];
  }
  function empty(tbody, cols) {
    var tr = el("tr"); tr.appendChild(el("td", {colspan: cols, "class": "none"}, T.none)); tbody.appendChild(tr);
  }
  function matches(r, q) {
    if (state.dept && r.doc.dept !== state.dept) return false;
    if (state.rule && r.code !== state.rule) return false;
    if (state.sev && SEV[r.sev] !== state.sev) return false;
    if (state.file && r.doc.path !== state.file) return false;
    if (!q) return true;
    var rule = meta.rules[r.code];
    return (r.msg + "\n" + r.doc.path + "\n" + r.ptr + "\n" + r.code + "\n" + (rule ? rule[0] + "\n" + rule[1] : ""))
      .toLowerCase().indexOf(q) >= 0;
  }

  function render() {
    fDept.value = state.dept; fRule.value = state.rule; fSev.value = state.sev; fQ.value = state.q;
    fFile.hidden = !state.file;
    fFile.textContent = state.file ? T.file + ": " + state.file + " ✕" : "";

    var shownDocs = docs.filter(function (d) { return !state.dept || d.dept === state.dept; })
      .sort(function (a, b) { return byScore(a.score, b.score) || byName(a.path, b.path); });
    var tbody = document.getElementById("doc-rows"), span = pager("doc-pager", "docs", shownDocs.length);
    tbody.textContent = "";
    shownDocs.slice(span[0], span[1]).forEach(function (d) {
      var tr = el("tr", {"class": "document"});
      tr.appendChild(el("td", {"class": "path"}, d.path));
      tr.appendChild(el("td", {"class": "dept"}, d.dept));
      tr.appendChild(el("td", {"class": "num"})).appendChild(
        el("span", {"class": "score" + (d.score === null || lowScore(d.score) ? " low" : "")},
           shownScore(d.score, 0)));
      for (var s = 0; s < 3; s++) tr.appendChild(el("td", {"class": "num"}, String(d.counts[s])));
      var cell = tr.appendChild(el("td"));
      if (total(d)) {
        var link = cell.appendChild(el("a", {href: "#findings"}, T.show));
        link.onclick = function (e) {
          e.preventDefault();
          setState({file: d.path, dept: "", rule: "", sev: "", q: ""});
          jump("findings");
        };
      }
      tbody.appendChild(tr);
    });
    if (!shownDocs.length) empty(tbody, 7);

    var q = state.q.trim().toLowerCase();
    var shown = rows.filter(function (r) { return matches(r, q); });
    tbody = document.getElementById("finding-rows");
    span = pager("finding-pager", "findings", shown.length);
    tbody.textContent = "";
    shown.slice(span[0], span[1]).forEach(function (r) {
      var tr = el("tr", {"class": "finding " + SEV[r.sev]});
      tr.appendChild(el("td", {"class": "path"}, r.doc.path));
      tr.appendChild(el("td", {"class": "dept"}, r.doc.dept));
      tr.appendChild(el("td", {"class": "num"}, r.place));
      tr.appendChild(el("td")).appendChild(el("span", {"class": "badge " + SEV[r.sev]}, T[SEV[r.sev]]));
      var rule = meta.rules[r.code];
      var link = el("a", {href: "#rule-" + r.code, title: rule ? rule[1] : ""}, r.code);
      var cell = el("td", {"class": "rule"}); cell.appendChild(link);
      if (rule) cell.appendChild(el("div", {"class": "slug"}, rule[0]));
      tr.appendChild(cell);
      tr.appendChild(el("td", {"class": "msg"}, r.msg));
      tr.appendChild(el("td", {"class": "ptr"}, r.ptr));
      tbody.appendChild(tr);
    });
    if (!shown.length) empty(tbody, 7);
  }

  fDept.onchange = function () { setState({dept: fDept.value}); };
  fRule.onchange = function () { setState({rule: fRule.value}); };
  fSev.onchange = function () { setState({sev: fSev.value}); };
  var typing;
  fQ.oninput = function () { clearTimeout(typing); typing = setTimeout(function () { setState({q: fQ.value}); }, 200); };
  fFile.onclick = function () { setState({file: ""}); };
  document.getElementById("f-clear").onclick = function () { setState({dept: "", rule: "", sev: "", file: "", q: ""}); };
  document.getElementById("filters").onsubmit = function (e) { e.preventDefault(); };
  Array.prototype.forEach.call(document.querySelectorAll("a[data-rule]"), function (a) {
    a.onclick = function (e) {
      e.preventDefault();
      setState({rule: a.getAttribute("data-rule"), dept: "", sev: "", file: "", q: ""});
      jump("findings");
    };
  });
  window.addEventListener("hashchange", function () { if (readHash()) render(); });
  readHash();
  render();
  document.body.setAttribute("data-rendered", "true");
})();
"""
