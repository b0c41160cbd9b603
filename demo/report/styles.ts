/** The report's inline style sheet (system fonts only; nothing is fetched). */
export const REPORT_CSS = `
:root { --ink:#111827; --muted:#6b7280; --line:#e5e7eb; --accent:#0f766e; --bg:#f9fafb; }
* { box-sizing: border-box; }
body { margin:0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color:var(--ink); background:var(--bg); line-height:1.45; }
header { background:#0f172a; color:#f8fafc; padding:24px 32px; }
header h1 { margin:0 0 4px; font-size:24px; }
header p { margin:0; color:#cbd5e1; font-size:13px; }
main { padding:8px 32px 40px; max-width:1400px; }
section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:18px 0; }
h2 { font-size:18px; margin:0 0 10px; }
h3 { font-size:15px; margin:14px 0 6px; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#f3f4f6; font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; white-space:nowrap; }
td.restricted { color:var(--muted); font-style:italic; }
tr.only-restricted td.val-restricted { background:#fef3c7; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size:12px; }
.cards { display:flex; flex-wrap:wrap; gap:12px; margin:18px 0 0; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 16px; min-width:180px; }
.card .figure { font-size:22px; font-weight:700; color:var(--accent); }
.card .label { font-size:12px; color:var(--muted); }
.scroll { overflow:auto; }
.legend { list-style:none; padding:0; margin:8px 0 0; display:flex; flex-wrap:wrap; gap:12px; font-size:12px; }
.swatch { display:inline-block; width:12px; height:12px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.sankey .node-label { font-size:12px; fill:var(--ink); }
.sankey .node-mass { font-size:11px; fill:var(--muted); }
.trace-tree rect { fill:#fff; stroke:#94a3b8; }
.trace-tree .tb-battery rect { fill:#fee2e2; stroke:#b91c1c; }
.trace-tree .tb-site rect { fill:#dbeafe; stroke:#1d4ed8; }
.trace-tree .tb-title { font-size:12px; font-weight:600; fill:var(--ink); }
.trace-tree .tb-line { font-size:11px; fill:#374151; }
.trace-tree .te { fill:none; stroke:#94a3b8; stroke-width:1.5; }
.trace-tree .te-label { font-size:11px; fill:var(--accent); font-weight:600; }
.bar { background:#e5e7eb; border-radius:4px; height:10px; width:160px; display:inline-block; vertical-align:middle; overflow:hidden; }
.bar span { display:block; height:100%; background:var(--accent); }
.cert { background:#dcfce7; color:#166534; border-radius:4px; padding:0 5px; font-size:11px; }
.used { color:var(--accent); font-weight:600; }
.warning { background:#fef3c7; border:1px solid #f59e0b; border-radius:6px; padding:6px 10px; font-size:13px; }
.ok { color:#166534; }
.timeline td:first-child { white-space:nowrap; }
details summary { cursor:pointer; color:var(--accent); }
ul.tree, ul.tree ul { list-style:none; padding-left:18px; border-left:1px dashed #cbd5e1; }
.muted { color:var(--muted); font-size:12px; }
`;
