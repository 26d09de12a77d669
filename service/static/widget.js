/*
 * Inspection reports assistant - embeddable chat widget.
 *
 *   <script src="https://host/widget.js" data-api="https://host"></script>
 *
 * Attributes on the script tag (all optional):
 *   data-api     base URL of the service (default: the origin the script was loaded from)
 *   data-target  CSS selector of an element to mount into (default: right after the script tag)
 *   data-title   panel title (default: "Ask the inspection reports")
 *
 * No dependencies, nothing loaded from other hosts. All report and answer text is inserted
 * with textContent / text nodes only, never as HTML.
 */
(() => {
  "use strict";

  const DEFAULT_TITLE = "Ask the inspection reports";
  const KEEP_TURNS = 30;  // the latest questions and answers kept across a reload
  const STORE_KEY = "ira-chat:";  // + API address: the conversation, kept in this tab's session storage
  const VERDICTS = { concern: "Concern", positive: "Positive", improved: "Improved", declined: "Declined",
    mentioned: "Mentioned", "not stated": "Not stated", grade: "Grade" };
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  const GRADES = ["outstanding", "good", "requires improvement", "inadequate"];
  const STYLE_ID = "ira-widget-style";

  const CSS = `
.ira-root{--ira-accent:#1d4f91;--ira-accent-soft:#e8eff9;--ira-text:#1f2933;--ira-muted:#5b6573;
--ira-border:#d8dee6;--ira-bg:#fff;--ira-subtle:#f5f7fa;--ira-focus:#f2a900;--ira-error:#b42318;
container-type:inline-size;display:block;width:100%;max-width:46rem;margin:1rem 0;color:var(--ira-text);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;text-align:left}
.ira-root *,.ira-root *::before,.ira-root *::after{box-sizing:border-box}
.ira-root :where(h2,p,ul,blockquote,table,form,fieldset,dl,dd){margin:0;padding:0}
.ira-root :where(button,input,textarea){font:inherit;color:inherit;letter-spacing:normal;text-transform:none;
margin:0;box-shadow:none}
.ira-root :focus-visible{outline:3px solid var(--ira-focus);outline-offset:2px}
.ira-panel{display:flex;flex-direction:column;background:var(--ira-bg);border:1px solid var(--ira-border);
border-radius:12px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 4px 16px rgba(16,24,40,.06);overflow:hidden}
.ira-header{display:flex;align-items:center;justify-content:space-between;gap:.75rem;padding:.8rem 1rem;
background:var(--ira-accent);color:#fff}
.ira-title{font-size:1.05rem;font-weight:650;line-height:1.3;color:#fff}
.ira-sub{font-size:.8rem;opacity:.85}
.ira-btn{cursor:pointer;border:1px solid var(--ira-border);background:var(--ira-bg);color:var(--ira-text);
border-radius:8px;padding:.35rem .7rem;font-size:.85rem;line-height:1.3}
.ira-btn:hover{background:var(--ira-subtle)}
.ira-btn:disabled{cursor:not-allowed;opacity:.55}
.ira-header .ira-btn{background:transparent;color:#fff;border-color:rgba(255,255,255,.55);white-space:nowrap}
.ira-header .ira-btn:hover{background:rgba(255,255,255,.14)}
.ira-header .ira-btn[hidden]{display:none}
.ira-examples{padding:.85rem 1rem 0}
.ira-examples[hidden]{display:none}
.ira-examples p{font-size:.8rem;color:var(--ira-muted);margin-bottom:.4rem}
.ira-examples ul{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem}
.ira-chip{cursor:pointer;text-align:left;border:1px solid #c9d6ea;background:var(--ira-accent-soft);
color:var(--ira-accent);border-radius:999px;padding:.3rem .75rem;font-size:.85rem;line-height:1.35}
.ira-chip:hover{background:#dbe6f6}
.ira-chip:disabled{opacity:.55;cursor:not-allowed}
.ira-filters{display:grid;grid-template-columns:1.4fr 1.4fr .8fr .8fr;gap:.5rem;padding:.75rem 1rem;
border:0;border-bottom:1px solid var(--ira-border);margin:0;min-width:0}
.ira-filters legend{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ira-field{display:flex;flex-direction:column;gap:.15rem;min-width:0}
.ira-field label{font-size:.75rem;font-weight:600;color:var(--ira-muted)}
.ira-field input{width:100%;min-width:0;border:1px solid var(--ira-border);border-radius:6px;padding:.3rem .45rem;
font-size:.85rem;background:var(--ira-bg)}
.ira-field input[aria-invalid=true]{border-color:var(--ira-error)}
.ira-log{display:flex;flex-direction:column;gap:.85rem;padding:1rem;max-height:min(34rem,65vh);overflow-y:auto;
background:var(--ira-subtle);scroll-behavior:smooth}
.ira-log:empty{display:none}
.ira-msg{max-width:100%;overflow-wrap:anywhere}
.ira-q{align-self:flex-end;max-width:85%;background:var(--ira-accent);color:#fff;padding:.5rem .8rem;
border-radius:14px 14px 4px 14px;white-space:pre-wrap}
.ira-a{align-self:stretch;background:var(--ira-bg);border:1px solid var(--ira-border);border-radius:4px 14px 14px 14px;
padding:.75rem .9rem}
.ira-a p+p,.ira-a p+ul,.ira-a ul+p,.ira-a ul+ul{margin-top:.6rem}
.ira-a ul{padding-left:1.25rem}
.ira-a li+li{margin-top:.2rem}
.ira-a strong{font-weight:650}
.ira-abstained .ira-text{color:var(--ira-muted)}
.ira-tag{display:inline-block;margin-bottom:.4rem;padding:.05rem .5rem;border-radius:999px;background:#eef0f3;
color:var(--ira-muted);font-size:.72rem;font-weight:600;letter-spacing:.02em;text-transform:uppercase}
.ira-cite{cursor:pointer;display:inline-block;vertical-align:baseline;margin:0 .08rem;padding:0 .3rem;
border:1px solid #c9d6ea;border-radius:5px;background:var(--ira-accent-soft);color:var(--ira-accent);
font-size:.78em;font-weight:600;line-height:1.45;font-variant-numeric:tabular-nums}
.ira-cite:hover{background:#dbe6f6}
.ira-cite[aria-expanded=true]{background:var(--ira-accent);border-color:var(--ira-accent);color:#fff}
.ira-table-wrap{margin-top:.75rem;overflow-x:auto}
.ira-table{width:100%;border-collapse:collapse;font-size:.88rem}
.ira-table th{text-align:left;font-size:.75rem;font-weight:650;color:var(--ira-muted);text-transform:uppercase;
letter-spacing:.03em;padding:.35rem .5rem;border-bottom:2px solid var(--ira-border)}
.ira-table td{padding:.45rem .5rem;border-bottom:1px solid var(--ira-border);vertical-align:top}
.ira-table tr:last-child td{border-bottom:0}
.ira-grid th{text-transform:none;letter-spacing:0;font-size:.85rem;color:var(--ira-text)}
.ira-grid td:first-child{min-width:8rem}
.ira-figure{margin:.75rem 0 0}.ira-chart{max-width:100%;height:auto}
.ira-legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.78rem;color:var(--ira-muted)}
.ira-swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-.1rem;border:1px solid #1f2933}
.ira-swatch.ira-g-outstanding{background:#1d4f91}.ira-swatch.ira-g-good{background:#6f8fbf}
.ira-swatch.ira-g-requires-improvement{background:#c9d3e3}
.ira-swatch.ira-g-inadequate{background:repeating-linear-gradient(45deg,#1f2933 0 2px,#fff 2px 5px)}
.ira-counted{margin-top:.6rem}.ira-counted summary{cursor:pointer;font-size:.88rem}
.ira-csv{margin-top:.6rem}
.ira-filter-error{grid-column:1/-1;color:var(--ira-error);font-size:.85rem}
.ira-filter-error[hidden]{display:none}
.ira-verdict{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:#eef0f3;font-size:.82rem}
.ira-g-outstanding{background:#dcf2e3;color:#14532d}.ira-g-good{background:#e3f4e8;color:#1e5b34}
.ira-g-requires-improvement{background:#fdf0d5;color:#7a4b00}.ira-g-inadequate{background:#fde4e1;color:#8a1c12}
.ira-cards{display:flex;flex-direction:column;gap:.6rem}
.ira-cards:not(:empty){margin-top:.75rem}
.ira-card{border:1px solid var(--ira-border);border-left:4px solid var(--ira-accent);border-radius:8px;
background:var(--ira-subtle);padding:.65rem .8rem}
.ira-card-head{display:flex;align-items:flex-start;justify-content:space-between;gap:.5rem}
.ira-card-title{font-weight:650;font-size:.9rem;line-height:1.35}
.ira-card-n{color:var(--ira-accent);margin-right:.3rem}
.ira-close{cursor:pointer;border:0;background:transparent;color:var(--ira-muted);font-size:1.1rem;line-height:1;
padding:.1rem .3rem;border-radius:4px}
.ira-close:hover{background:#e4e8ee;color:var(--ira-text)}
.ira-quote{margin:.45rem 0 0;padding:.1rem 0 .1rem .7rem;border-left:2px solid #b8c4d4;font-style:italic;
white-space:pre-wrap}
.ira-meta{display:flex;flex-wrap:wrap;gap:.15rem .5rem;margin-top:.45rem;font-size:.78rem;color:var(--ira-muted)}
.ira-meta>*+*::before{content:"\\00b7";display:inline-block;margin-right:.5rem;color:#9aa4b2}
.ira-meta a{color:var(--ira-accent);font-weight:600}
.ira-typing{display:flex;align-items:center;gap:.5rem;color:var(--ira-muted);font-size:.85rem}
.ira-dots{display:inline-flex;gap:3px}
.ira-dots i{width:6px;height:6px;border-radius:50%;background:#8a96a6;animation:ira-blink 1.2s infinite ease-in-out}
.ira-dots i:nth-child(2){animation-delay:.2s}.ira-dots i:nth-child(3){animation-delay:.4s}
@keyframes ira-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.ira-dots i{animation:none;opacity:.7}.ira-log{scroll-behavior:auto}}
.ira-error{align-self:stretch;border:1px solid #f4c7c3;background:#fef3f2;color:var(--ira-error);border-radius:8px;
padding:.6rem .8rem;font-weight:500}
.ira-form{display:flex;gap:.5rem;align-items:flex-end;padding:.75rem 1rem;border-top:1px solid var(--ira-border)}
.ira-form textarea{flex:1;min-width:0;resize:vertical;min-height:2.6rem;max-height:12rem;border:1px solid #b9c3cf;
border-radius:8px;padding:.5rem .65rem;background:var(--ira-bg);line-height:1.4}
.ira-send{cursor:pointer;border:1px solid var(--ira-accent);background:var(--ira-accent);color:#fff;border-radius:8px;
padding:.55rem 1.1rem;font-weight:600;height:2.6rem}
.ira-send:hover{background:#163e73}
.ira-send:disabled{cursor:not-allowed;opacity:.6}
.ira-hint{padding:0 1rem .6rem;font-size:.72rem;color:var(--ira-muted)}
.ira-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap;border:0}
@container (max-width:34rem){
.ira-filters{grid-template-columns:1fr 1fr}
.ira-q{max-width:92%}
.ira-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.ira-table,.ira-table tbody,.ira-table tr,.ira-table td{display:block;width:100%}
.ira-table tr{padding:.4rem 0;border-bottom:1px solid var(--ira-border)}
.ira-table tr:last-child{border-bottom:0}
.ira-table td{border:0;padding:.1rem 0}
.ira-table td[data-label]::before{content:attr(data-label) ": ";font-size:.72rem;font-weight:650;
color:var(--ira-muted);text-transform:uppercase;letter-spacing:.03em}
.ira-table td:first-child{font-weight:650}
.ira-title{font-size:.98rem}.ira-sub{display:none}
}`;

  // ---------- small DOM helpers (text only, never HTML) ----------

  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function injectStyle() {
    if (document.getElementById(STYLE_ID)) return;
    const style = h("style", { id: STYLE_ID });
    style.textContent = CSS;
    (document.head || document.documentElement).append(style);
  }

  // ---------- formatting ----------

  function formatDate(value) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(value || ""));
    if (!m) return value ? String(value) : "";
    const month = m[2] ? MONTHS[Number(m[2]) - 1] : "";
    return [m[3] ? String(Number(m[3])) : "", month, m[1]].filter(Boolean).join(" ");
  }

  /** An http(s) URL for a citation source, or null. Relative paths resolve against the API. */
  function safeHref(source, apiBase) {
    if (typeof source !== "string" || !source.trim()) return null;
    try {
      const url = new URL(source.trim(), apiBase + "/");
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function gradeClass(verdict) {
    const v = String(verdict || "").trim().toLowerCase();
    return GRADES.includes(v) ? " ira-g-" + v.replace(/\s+/g, "-") : "";
  }

  // ---------- minimal, safe markdown ----------

  const INLINE = /\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\[(\d+(?:\s*,\s*\d+)*)\]/g;

  function renderInline(text, parent, cite) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.append(text.slice(last, m.index));
      if (m[1] !== undefined || m[2] !== undefined) {
        const node = h(m[1] !== undefined ? "strong" : "em");
        renderInline(m[1] !== undefined ? m[1] : m[2], node, cite);
        parent.append(node);
      } else {
        m[3].split(",").forEach((n, i) => {
          if (i) parent.append(" ");
          parent.append(cite(Number(n.trim())));
        });
      }
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  /** Paragraphs, line breaks, **bold**, *italic*, "- " bullet lists, [n] markers and | tables |; everything
   * else is text. */
  function renderMarkdown(markdown, cite) {
    const frag = document.createDocumentFragment();
    let para = null;
    let list = null;
    let grid = null;
    for (const raw of String(markdown || "").replace(/\r\n?/g, "\n").split("\n")) {
      const line = raw.trim();
      const bullet = /^[-*\u2022]\s+(.*)$/.exec(line);
      if (!/^\|.*\|$/.test(line)) grid = null;
      if (!line) {
        para = list = null;
      } else if (/^\|.*\|$/.test(line)) {
        para = list = null;
        if (!grid) frag.append(h("div", { class: "ira-table-wrap" }, (grid = h("table", { class: "ira-table ira-grid" }))));
        tableRow(grid, line, cite);
      } else if (bullet) {
        if (!list) frag.append((list = h("ul")));
        para = null;
        const li = h("li");
        renderInline(bullet[1], li, cite);
        list.append(li);
      } else if (list && /^\s/.test(raw)) {
        const li = list.lastChild;
        li.append(h("br"));
        renderInline(line, li, cite);
      } else {
        list = null;
        const heading = /^#{1,6}\s+(.*)$/.exec(line);
        if (para && !heading) para.append(h("br"));
        else frag.append((para = h("p")));
        if (heading) {
          const strong = h("strong");
          renderInline(heading[1], strong, cite);
          para.append(strong);
          para = null;
        } else {
          renderInline(line, para, cite);
        }
      }
    }
    return frag;
  }

  /** One "| a | b |" line of a markdown table: the first is the header, "|---|" lines are skipped. */
  function tableRow(grid, line, cite) {
    const cells = line.slice(1, -1).split("|").map((c) => c.trim());
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) return;
    const header = !grid.rows.length;
    const row = h("tr");
    for (const cell of cells) {
      const td = h(header ? "th" : "td", header ? { scope: "col" } : null);
      renderInline(cell, td, cite);
      row.append(td);
    }
    grid.append(row);
  }

  // ---------- server-sent events over fetch ----------

  async function readEvents(stream, onEvent) {
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let event = "";
    let data = [];
    const dispatch = () => {
      if (data.length) onEvent(event || "message", data.join("\n"));
      event = "";
      data = [];
    };
    const onLine = (line) => {
      if (line === "") return dispatch();
      if (line[0] === ":") return;
      const i = line.indexOf(":");
      const field = i < 0 ? line : line.slice(0, i);
      let value = i < 0 ? "" : line.slice(i + 1);
      if (value[0] === " ") value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
        let m;
        while ((m = /\r\n|\r|\n/.exec(buffer))) {
          if (m[0] === "\r" && m.index === buffer.length - 1 && !done) break; // maybe a split \r\n
          onLine(buffer.slice(0, m.index));
          buffer = buffer.slice(m.index + m[0].length);
        }
        if (done) {
          if (buffer) onLine(buffer);
          dispatch();
          return;
        }
      }
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  function parseJSON(text) {
    try {
      return JSON.parse(text);
    } catch (_) {
      return null;
    }
  }

  function tokenText(value, raw) {
    if (value && typeof value.text === "string") return value.text;
    if (typeof value === "string") return value;
    return value === null ? raw : "";
  }

  class HttpError extends Error {
    constructor(status, detail) {
      super(detail || "HTTP " + status);
      this.status = status;
      this.detail = detail;
    }
  }

  async function failure(res) {
    const body = parseJSON(await res.text().catch(() => ""));
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => (d && d.msg) || String(d)).join("; ");
    return new HttpError(res.status, typeof detail === "string" ? detail : "");
  }

  function createClient(api) {
    const post = (path, payload, accept) =>
      fetch(api + path, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: accept },
        body: JSON.stringify(payload),
      });

    async function askStream(payload, onToken, onStatus) {
      const res = await post("/ask/stream", payload, "text/event-stream");
      if (!res.ok || !res.body) throw await failure(res);
      let answer = null;
      await readEvents(res.body, (event, data) => {
        const value = parseJSON(data);
        if (event === "token") onToken(tokenText(value, data));
        else if (event === "status" && value && value.message) onStatus(String(value.message));
        else if (event === "answer") answer = value;
        else if (event === "error") throw new Error((value && value.detail) || "stream error");
      });
      if (!answer || typeof answer.answer !== "string") throw new Error("stream ended without an answer");
      return answer;
    }

    async function ask(payload) {
      const res = await post("/ask", payload, "application/json");
      if (!res.ok) throw await failure(res);
      return res.json();
    }

    async function reports() {
      const res = await fetch(api + "/reports", { headers: { Accept: "application/json" } });
      if (!res.ok) return [];
      const body = await res.json();
      return Array.isArray(body && body.reports) ? body.reports : [];
    }

    async function about() {
      const res = await fetch(api + "/about", { headers: { Accept: "application/json" } });
      return res.ok ? res.json() : null;
    }

    return { askStream, ask, reports, about };
  }

  // ---------- answers as data: chart and CSV ----------

  const SVG_NS = "http://www.w3.org/2000/svg";
  const FILLS = { outstanding: "#1d4f91", good: "#6f8fbf", "requires improvement": "#c9d3e3",
    inadequate: "url(#PATTERN)" };

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    for (const child of children) node.append(child);
    return node;
  }

  /** Bars by year stacked by grade, from a table whose columns are year, the four grades, ...; null if not. */
  function chart(table, uid) {
    const cols = Array.isArray(table && table.columns) ? table.columns : [];
    const at = GRADES.map((g) => cols.indexOf(g));
    if (cols[0] !== "year" || at.some((i) => i < 0) || !Array.isArray(table.rows) || !table.rows.length) return null;
    const rows = table.rows.map((r) => ({ year: String(r[0]), counts: at.map((i) => Number(r[i]) || 0) }));
    const top = Math.max(1, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
    const [w, hgt, pad, step] = [Math.max(240, rows.length * 44 + 40), 180, 24, 44];
    const pattern = `${uid}-hatch`;
    const bars = rows.map((r, k) => {
      let y = hgt - pad;
      const parts = r.counts.map((n, i) => {
        const height = ((hgt - 2 * pad) * n) / top;
        y -= height;
        return svg("rect", { x: 30 + k * step, y, width: 30, height, fill: FILLS[GRADES[i]].replace("PATTERN", pattern),
          stroke: "#1f2933", "stroke-width": n ? 0.5 : 0, "data-grade": GRADES[i], "data-count": n },
        svg("title", null, `${r.year}: ${n} ${GRADES[i]}`));
      });
      const label = svg("text", { x: 45 + k * step, y: hgt - 8, "text-anchor": "middle", "font-size": 11 });
      label.textContent = r.year;
      return svg("g", { "data-year": r.year }, ...parts, label);
    });
    const hatch = svg("pattern", { id: pattern, width: 6, height: 6, patternUnits: "userSpaceOnUse",
      patternTransform: "rotate(45)" }, svg("rect", { width: 6, height: 6, fill: "#fff" }),
    svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#1f2933", "stroke-width": 3 }));
    const summary = rows.map((r) => `${r.year}: ` + r.counts.map((n, i) => `${n} ${GRADES[i]}`).join(", ")).join("; ");
    const figure = svg("svg", { viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt, role: "img",
      "aria-label": "Reports by year and grade. " + summary, class: "ira-chart", "data-testid": "chart",
      "data-scale": (hgt - 2 * pad) / top }, svg("defs", null, hatch), ...bars);
    const legend = h("ul", { class: "ira-legend", "aria-hidden": "true" }, ...GRADES.map((g) =>
      h("li", null, h("span", { class: "ira-swatch ira-g-" + g.replace(/\s+/g, "-") }), g)));
    return h("figure", { class: "ira-figure" }, figure, legend);
  }

  const FORMULA = /^[=+\-@\t\r]/;

  function csvCell(value) {
    let text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && FORMULA.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** The answer as the API's ?format=csv gives it: its table, else a row per item with its first quote. */
  function answerCsv(answer, apiBase) {
    const byN = new Map((answer.citations || []).map((c) => [Number(c.n), c]));
    let rows;
    if (answer.table && Array.isArray(answer.table.columns)) {
      rows = [answer.table.columns, ...(answer.table.rows || [])];
    } else {
      rows = [["organisation", "report_id", "published", "verdict", "finding", "quote", "page", "link"]];
      for (const item of answer.items || []) {
        const c = (item.citations || []).map((n) => byN.get(Number(n))).find(Boolean);
        rows.push([item.body, item.report_id, item.published, item.verdict, item.finding, c ? c.quote : "",
          c ? c.page : "", c && c.url ? apiBase + c.url : ""]);
      }
    }
    return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function downloadButton(answer, apiBase) {
    return h("button", { type: "button", class: "ira-btn ira-csv", "data-testid": "download-csv",
      text: "Download CSV", on: { click: () => {
        const url = URL.createObjectURL(new Blob([answerCsv(answer, apiBase)], { type: "text/csv" }));
        const link = h("a", { href: url, download: "answer.csv" });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      } } });
  }

  // ---------- one rendered answer ----------

  /** The grade as a coloured badge, or the kind of finding as a badge followed by its words. */
  function findingCell(item) {
    const words = String(item.finding || "");
    const grade = GRADES.find((g) => words.toLowerCase().includes(g));
    if (item.verdict === "grade" && grade) {
      return h("span", { class: "ira-verdict" + gradeClass(grade), text: words || grade });
    }
    const kind = VERDICTS[item.verdict] || String(item.verdict || "");
    const cell = document.createDocumentFragment();
    if (kind) cell.append(h("span", { class: "ira-verdict" + gradeClass(item.verdict), text: kind }));
    if (words) cell.append(" ", words);
    return cell;
  }

  function answerView(uid, onLayout) {
    const text = h("div", { class: "ira-text" });
    const cards = h("div", { class: "ira-cards" });
    const root = h("div", { class: "ira-msg ira-a", "data-testid": "chat-answer", "data-state": "streaming",
      "aria-busy": "true" }, text, cards);
    let byN = new Map();
    let buttons = new Map();
    const open = new Map();

    function card(c) {
      const close = h("button", { type: "button", class: "ira-close", "aria-label": `Close source [${c.n}]`,
        text: "\u00d7", on: { click: () => toggle(c.n) } });
      const head = h("div", { class: "ira-card-head" },
        h("div", { class: "ira-card-title" }, h("span", { class: "ira-card-n", text: `[${c.n}]` }),
          document.createTextNode(c.title || "Untitled report")), close);
      const meta = h("div", { class: "ira-meta" });
      const add = (label, value) => value !== null && value !== undefined && value !== "" &&
        meta.append(h("span", null, h("span", { class: "ira-sr", text: label + ": " }), String(value)));
      add("Inspected body", c.body);
      add("Published", formatDate(c.published));
      if (c.page !== null && c.page !== undefined && c.page !== "") meta.append(h("span", { text: "Page " + c.page }));
      add("Section", c.section);
      const href = safeHref(c.url || c.source, uid.api);
      if (href) meta.append(h("a", { href, target: "_blank", rel: "noopener noreferrer", text: "Open source \u2197" }));
      return h("div", { class: "ira-card", id: `${uid.id}-c${c.n}`, "data-testid": "citation-quote",
        role: "group", "aria-label": `Source [${c.n}]` }, head,
      h("blockquote", { class: "ira-quote", text: String(c.quote || "") }), meta);
    }

    function toggle(n) {
      if (open.has(n)) {
        open.get(n).remove();
        open.delete(n);
      } else {
        const node = card(byN.get(n));
        const after = [...open.keys()].filter((k) => k > n).sort((a, b) => a - b)[0];
        cards.insertBefore(node, after === undefined ? null : open.get(after));
        open.set(n, node);
      }
      for (const b of buttons.get(n) || []) b.setAttribute("aria-expanded", String(open.has(n)));
      onLayout();
    }

    function cite(n) {
      const c = byN.get(n);
      if (!c) return document.createTextNode(`[${n}]`);
      const btn = h("button", { type: "button", class: "ira-cite", "data-testid": "citation",
        "aria-expanded": String(open.has(n)), "aria-controls": `${uid.id}-c${n}`,
        title: `Show the quote from ${c.title || c.body || "the report"}`, text: `[${n}]`,
        on: { click: () => toggle(n) } });
      buttons.set(n, (buttons.get(n) || []).concat(btn));
      return btn;
    }

    function table(items) {
      const tbody = h("tbody");
      for (const item of items) {
        const evidence = h("td", { "data-label": "Evidence" });
        for (const n of Array.isArray(item.citations) ? item.citations : []) evidence.append(cite(Number(n)), " ");
        tbody.append(h("tr", null, h("td", { text: String(item.body || "") }),
          h("td", { "data-label": "Published", text: formatDate(item.published) }),
          h("td", { "data-label": "Finding" }, findingCell(item)), evidence));
      }
      const head = h("tr", null, ...["Organisation", "Published", "Finding", "Evidence"]
        .map((t) => h("th", { scope: "col", text: t })));
      return h("div", { class: "ira-table-wrap" },
        h("table", { class: "ira-table" }, h("caption", { class: "ira-sr", text: "Organisations in this answer" }),
          h("thead", null, head), tbody));
    }

    return {
      root,
      streaming(markdown) {
        text.replaceChildren(renderMarkdown(markdown, (n) => document.createTextNode(`[${n}]`)));
      },
      final(answer) {
        byN = new Map((Array.isArray(answer.citations) ? answer.citations : [])
          .filter((c) => c && Number.isFinite(Number(c.n))).map((c) => [Number(c.n), c]));
        buttons = new Map();
        for (const node of open.values()) node.remove();
        open.clear();
        root.classList.toggle("ira-abstained", Boolean(answer.abstained));
        text.replaceChildren();
        if (answer.abstained) text.append(h("span", { class: "ira-tag", text: "Not in these reports" }));
        text.append(renderMarkdown(answer.answer, cite));
        const items = Array.isArray(answer.items) ? answer.items.filter(Boolean) : [];
        const figure = answer.table ? chart(answer.table, uid.id) : null;
        if (figure) text.append(figure);
        if (items.length && answer.table) {
          text.append(h("details", { class: "ira-counted" },
            h("summary", { text: `The ${items.length} reports counted, each with its source` }), table(items)));
        } else if (items.length) {
          text.append(table(items));
        }
        if (items.length || answer.table) text.append(downloadButton(answer, uid.api));
        root.setAttribute("data-state", "done");
        root.removeAttribute("aria-busy");
      },
    };
  }

  // ---------- the widget ----------

  function field(id, label, input) {
    input.id = id;
    return h("div", { class: "ira-field" }, h("label", { for: id, text: label }), input);
  }

  /** { filters (null when none), problem (a message when a year box is wrong), bad (that box) }. */
  function readFilters(inputs) {
    const filters = {};
    const inspectorate = inputs.inspectorate.value.trim();
    const body = inputs.body.value.trim();
    if (inspectorate) filters.inspectorate = inspectorate;
    if (body) filters.body = body;
    let problem = "";
    let bad = null;
    for (const [key, input, suffix] of [["published_from", inputs.from, "-01-01"], ["published_to", inputs.to, "-12-31"]]) {
      const year = input.value.trim();
      const valid = /^(19|20)\d\d$/.test(year);
      input.setAttribute("aria-invalid", String(Boolean(year) && !valid));
      if (valid) filters[key] = year + suffix;
      else if (year && !bad) [problem, bad] = [`"${year}" is not a year: type four digits such as 2019, or clear the box.`, input];
    }
    if (!bad && filters.published_from && filters.published_to && filters.published_from > filters.published_to) {
      [problem, bad] = ["\u201cPublished from\u201d is after \u201cPublished to\u201d: swap the years.", inputs.from];
      inputs.from.setAttribute("aria-invalid", "true");
    }
    return { filters: Object.keys(filters).length ? filters : null, problem, bad };
  }

  /** The conversation in this tab's session storage, so a reload keeps it (storage may be off: then not). */
  function chatStore(api) {
    const key = STORE_KEY + api;
    return {
      load() {
        try {
          const saved = JSON.parse(sessionStorage.getItem(key) || "null");
          return saved && Array.isArray(saved.turns) ? saved : { sessionId: null, turns: [] };
        } catch (_) {
          return { sessionId: null, turns: [] };
        }
      },
      save(chat) {
        try {
          sessionStorage.setItem(key, JSON.stringify(chat));
        } catch (_) { /* full or disabled: the chat still works, it is just not kept */ }
      },
      clear() {
        try {
          sessionStorage.removeItem(key);
        } catch (_) { /* disabled */ }
      },
    };
  }

  function createWidget(mount, api, title) {
    const uid = "ira" + Math.random().toString(36).slice(2, 8);
    const client = createClient(api);
    const store = chatStore(api);
    const chat = store.load();
    let busy = false;
    let answers = 0;

    const newChat = h("button", { type: "button", class: "ira-btn", hidden: true, text: "New chat" });
    const header = h("div", { class: "ira-header" },
      h("div", null, h("h2", { class: "ira-title", id: uid + "-title", text: title }),
        h("div", { class: "ira-sub", text: "Answers quote the reports they come from" })), newChat);

    let chips = [];
    const chipList = h("ul");
    const examples = h("div", { class: "ira-examples", hidden: true }, h("p", { text: "Try asking:" }), chipList);
    function showExamples(questions) {
      chips = questions.map((q) => h("button", { type: "button", class: "ira-chip", text: q,
        on: { click: () => send(q) } }));
      chipList.replaceChildren(...chips.map((c) => h("li", null, c)));
      examples.hidden = !chips.length || chat.turns.length > 0;
    }

    const inputs = {
      inspectorate: h("input", { type: "text", list: uid + "-insp", autocomplete: "off", placeholder: "Any" }),
      body: h("input", { type: "text", list: uid + "-body", autocomplete: "off", placeholder: "Any" }),
      from: h("input", { type: "text", inputmode: "numeric", maxlength: 4, pattern: "[0-9]{4}", autocomplete: "off", placeholder: "YYYY" }),
      to: h("input", { type: "text", inputmode: "numeric", maxlength: 4, pattern: "[0-9]{4}", autocomplete: "off", placeholder: "YYYY" }),
    };
    const lists = { inspectorate: h("datalist", { id: uid + "-insp" }), body: h("datalist", { id: uid + "-body" }) };
    const filterError = h("p", { class: "ira-filter-error", "aria-live": "assertive", "data-testid": "filter-error", hidden: true });
    const filters = h("fieldset", { class: "ira-filters" }, h("legend", { text: "Filters" }),
      field(uid + "-f-insp", "Inspectorate", inputs.inspectorate), field(uid + "-f-body", "Organisation", inputs.body),
      field(uid + "-f-from", "Published from", inputs.from), field(uid + "-f-to", "Published to", inputs.to),
      lists.inspectorate, lists.body, filterError);

    const log = h("div", { class: "ira-log", role: "log", "aria-live": "polite", "aria-label": "Conversation",
      tabindex: "0" });
    const input = h("textarea", { id: uid + "-q", rows: 2, "data-testid": "chat-input",
      placeholder: "Ask a question about the reports\u2026", "aria-describedby": uid + "-hint" });
    const sendBtn = h("button", { type: "submit", class: "ira-send", "data-testid": "chat-send", text: "Send" });
    const form = h("form", { class: "ira-form", novalidate: true },
      h("label", { for: uid + "-q", class: "ira-sr", text: "Your question" }), input, sendBtn);
    const hint = h("div", { class: "ira-hint", id: uid + "-hint", text: "Enter to send, Shift+Enter for a new line" });

    const root = h("section", { class: "ira-root", "aria-labelledby": uid + "-title" },
      h("div", { class: "ira-panel" }, header, examples, filters, log, form, hint));
    mount(root);

    const scrollDown = () => {
      log.scrollTop = log.scrollHeight;
    };

    function setBusy(value) {
      busy = value;
      sendBtn.disabled = value;
      for (const c of chips) c.disabled = value;
      log.setAttribute("aria-busy", String(value));
    }

    function showError(err) {
      let message = `The service cannot be reached at ${api}. Check that it is running.`;
      if (err instanceof HttpError && err.status >= 400 && err.status < 500) {
        message = "The question could not be answered: " + (err.detail || `the service replied ${err.status}.`);
      } else if (err instanceof HttpError) {
        message = `The service at ${api} returned an error (${err.status}). Try again in a moment.`;
      }
      log.append(h("div", { class: "ira-msg ira-error", role: "alert", "data-testid": "chat-error", text: message }));
    }

    function showQuestion(question) {
      log.append(h("div", { class: "ira-msg ira-q", "data-testid": "chat-question" },
        h("span", { class: "ira-sr", text: "You asked: " }), question));
    }

    function restore() {
      try {
        for (const turn of chat.turns) {
          showQuestion(String(turn.question || ""));
          const view = answerView({ id: `${uid}-a${++answers}`, api }, scrollDown);
          log.append(view.root);
          view.final(turn && turn.answer ? turn.answer : { answer: "" });
        }
      } catch (_) {  // a stored chat this version cannot show: start afresh rather than break the widget
        [chat.sessionId, chat.turns] = [null, []];
        store.clear();
        log.replaceChildren();
      }
      newChat.hidden = !chat.turns.length;
      scrollDown();
    }

    async function send(question) {
      question = String(question || "").trim();
      if (!question || busy) return;
      const { filters: f, problem, bad } = readFilters(inputs);
      filterError.textContent = problem;
      filterError.hidden = !problem;
      if (bad) {
        bad.focus();
        return;
      }
      setBusy(true);
      examples.hidden = true;
      newChat.hidden = false;
      input.value = "";
      const payload = { question };
      if (chat.sessionId) payload.session_id = chat.sessionId;
      if (f) payload.filters = f;

      showQuestion(question);
      const statusText = h("span", { text: "Searching the reports\u2026" });
      const typing = h("div", { class: "ira-typing", "data-testid": "chat-typing" },
        h("span", { class: "ira-dots", "aria-hidden": "true" }, h("i"), h("i"), h("i")), statusText);
      log.append(typing);
      scrollDown();

      const view = answerView({ id: `${uid}-a${++answers}`, api }, scrollDown);
      let markdown = "";
      let frame = 0;
      const onToken = (piece) => {
        markdown += piece;
        if (!view.root.isConnected) log.insertBefore(view.root, typing);
        if (!frame) frame = requestAnimationFrame(() => {
          frame = 0;
          view.streaming(markdown);
          scrollDown();
        });
      };
      try {
        let answer;
        try {
          answer = await client.askStream(payload, onToken, (m) => { statusText.textContent = m; });
        } catch (streamError) {
          statusText.textContent = "Still working\u2026";
          answer = await client.ask(payload);
        }
        cancelAnimationFrame(frame);
        if (!view.root.isConnected) log.insertBefore(view.root, typing);
        view.final(answer);
        if (answer.session_id) chat.sessionId = String(answer.session_id);
        chat.turns = chat.turns.concat({ question, answer }).slice(-KEEP_TURNS);
        store.save(chat);
      } catch (err) {
        cancelAnimationFrame(frame);
        view.root.remove();
        showError(err);
      } finally {
        typing.remove();
        setBusy(false);
        scrollDown();
      }
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      send(input.value);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        send(input.value);
      }
    });
    newChat.addEventListener("click", () => {
      if (busy) return;
      chat.sessionId = null;
      chat.turns = [];
      store.clear();
      log.replaceChildren();
      examples.hidden = !chips.length;
      newChat.hidden = true;
      input.focus();
    });

    restore();
    client.about().then((about) => showExamples(about && Array.isArray(about.examples)
      ? about.examples.filter((q) => typeof q === "string").slice(0, 6) : [])).catch(() => {});
    client.reports().then((reports) => {
      const fill = (list, key) => {
        const values = [...new Set(reports.map((r) => r && r[key]).filter((v) => typeof v === "string" && v))].sort();
        list.replaceChildren(...values.map((v) => h("option", { value: v })));
      };
      fill(lists.inspectorate, "inspectorate");
      fill(lists.body, "body");
    }).catch(() => {});
  }

  // ---------- bootstrapping from the script tag ----------

  function findScript() {
    if (document.currentScript) return document.currentScript;
    const all = [...document.querySelectorAll("script[src]")].filter((s) => /widget\.js(\?|#|$)/.test(s.src));
    return all.find((s) => !s.hasAttribute("data-ira-mounted")) || null;
  }

  function apiBase(script) {
    const configured = script && script.getAttribute("data-api");
    const fallback = script && script.src ? new URL(script.src, location.href).origin : location.origin;
    try {
      return new URL(configured && configured.trim() ? configured.trim() : fallback, location.href).href.replace(/\/+$/, "");
    } catch (_) {
      return fallback;
    }
  }

  function start() {
    const script = findScript();
    if (script) script.setAttribute("data-ira-mounted", "");
    const api = apiBase(script);
    const title = (script && script.getAttribute("data-title")) || DEFAULT_TITLE;
    const targetSel = script && script.getAttribute("data-target");
    const mount = (root) => {
      const target = targetSel && document.querySelector(targetSel);
      if (target) target.append(root);
      else if (script && script.parentNode && script.parentNode !== document.head) script.after(root);
      else document.body.append(root);
    };
    injectStyle();
    const go = () => createWidget(mount, api, title);
    if ((targetSel || !script || script.parentNode === document.head) && document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", go, { once: true });
    } else {
      go();
    }
  }

  start();
})();
